# synack demo websocket (src/sim/web/websocket.rs): the upgrade, frames and close.

demo-websocket-examples = 예:
demo-websocket-example-message = synack demo websocket --message 안녕 --seed 7
demo-websocket-about = 127.0.0.1의 클라이언트와 서버 사이에서 실제로 일어나는 WebSocket (RFC 6455) 업그레이드와 프레임
demo-websocket-opt-key = 클라이언트의 Sec-WebSocket-Key: 16바이트의 base64 (기본값: --seed에서 뽑음)
demo-websocket-opt-message = 클라이언트가 보내고 서버가 되돌려 주는 텍스트 메시지 (125바이트까지)
demo-websocket-opt-compare = 같은 이벤트 일정을 폴링, 롱 폴링, SSE, WebSocket 방식으로도 전달해 봅니다 (가상 시계)

demo-websocket-err-key-length = --key { $key }: 풀면 { $bytes }바이트입니다; Sec-WebSocket-Key 값은 16바이트의 base64 인코딩입니다
demo-websocket-err-key-base64 = --key { $key }: base64가 아닙니다; Sec-WebSocket-Key 값은 16바이트의 base64 인코딩입니다
demo-websocket-err-message = --message: { $bytes }바이트입니다; 이 데모는 7비트 길이의 프레임 하나로 보냅니다 (125바이트까지)
demo-websocket-err-ws = websocket { $what }: { $error }
demo-websocket-err-thread = websocket 서버 스레드가 실패했습니다
demo-websocket-err-closed-early = websocket: 서버가 일찍 닫았습니다
demo-websocket-err-no-head = websocket: 전송된 바이트에 HTTP 헤더가 없습니다
demo-websocket-err-frame-cut = websocket: 프레임이 중간에 끊겼습니다
demo-websocket-err-payload-cut = websocket: payload 바이트가 중간에 끊겼습니다

demo-websocket-title-run = WebSocket (RFC 6455): loopback에서 실제로 업그레이드하고 프레임 주고받기
demo-websocket-intro = tungstenite 클라이언트와 서버가 127.0.0.1에서 OS가 고른 임시 포트로 연결했습니다. 아래 바이트는 클라이언트 소켓을 지나간 그대로입니다. 포트 번호는 실행마다 바뀌므로 숫자 대신 <port> 표시만 남깁니다.
demo-websocket-step-upgrade = 1. HTTP/1.1 Upgrade 요청 (클라이언트 → 서버)
demo-websocket-upgrade-why = 평범한 GET 요청에 두 헤더(Connection: Upgrade, Upgrade: websocket)를 붙여 같은 TCP 연결을 다른 프로토콜로 바꾸자고 청합니다. Sec-WebSocket-Key 값은 매번 새로 뽑는 16바이트 nonce의 base64이고, Sec-WebSocket-Version 값은 13입니다 (§4.1).
demo-websocket-step-101 = 2. 101 Switching Protocols (서버 → 클라이언트)
demo-websocket-accept-title = Sec-WebSocket-Accept 계산 (§4.2.2)
demo-websocket-formula = 공식
demo-websocket-checked-label = 확인
demo-websocket-checked = 클라이언트(tungstenite)가 응답 헤더 Sec-WebSocket-Accept의 값을 자기가 보낸 키로 다시 계산해 맞춰 보았고, 같았기에 이 연결은 WebSocket 연결로 바뀌었습니다. 이 값은 보안이 아니라 상대가 정말 WebSocket 서버인지, 캐시가 돌려준 옛 응답이 아닌지 가리는 장치입니다.
demo-websocket-step-frames = 3. 프레임 (§5)
demo-websocket-client-text = 보내는 메시지: { $message }. 클라이언트가 보내는 프레임은 반드시 마스킹합니다 (§5.3).
demo-websocket-server-text = 서버의 에코입니다. 서버 프레임은 마스킹하지 않습니다.
demo-websocket-ping = 제어 프레임 ping: 연결이 살아 있는지 확인합니다 (§5.5.2).
demo-websocket-pong = pong 프레임은 ping에 실린 데이터를 그대로 돌려줍니다 (§5.5.3).
demo-websocket-client-close = close 프레임: 상태 코드 1000(정상 종료)과 이유 (§5.5.1, §7.4).
demo-websocket-server-close = 서버가 close 프레임으로 답하면 close 핸드셰이크가 끝나고, TCP 연결은 서버가 먼저 끊습니다 (§7.1.1).
demo-websocket-mask-from-seed = { $mask } (--seed에서)
demo-websocket-frame-title = 프레임 { $n } · { $from } → { $to }
demo-websocket-masking = 마스킹된 데이터는 원래 바이트와 masking key를 4바이트씩 돌려 가며 XOR한 값입니다. 목적은 암호화가 아니라, 중간의 캐시 프록시가 프레임을 HTTP 요청으로 오해하게 만드는 공격(cache poisoning)을 막는 것입니다 (§10.3).
demo-websocket-http2 = HTTP/2에서는 101 없이 확장 CONNECT(:protocol = websocket) 요청 하나로 한 스트림을 WebSocket 채널로 씁니다 (RFC 8441). HTTP/3에서 같은 방식을 정한 문서는 RFC 9220입니다.
demo-websocket-step-compare = 4. 같은 이벤트를 네 가지 방식으로 (가상 시계)
demo-websocket-compare-intro = 서버 이벤트 { $count }개: { $times }. 편도 지연은 { $one_way } ms, 폴링 간격은 { $poll } s, 롱 폴링의 대기 한도는 { $hold } s, 전체 { $span } s입니다.
demo-websocket-col-method = 방식
demo-websocket-col-requests = 보낸 요청
demo-websocket-col-latency = 평균 전달 지연
demo-websocket-col-held = 유지하는 연결
demo-websocket-compare-summary-label = 정리
demo-websocket-compare-summary = 폴링은 이벤트가 없어도 요청을 보내고 평균 지연이 간격의 절반쯤 됩니다. 롱 폴링은 요청을 서버에 붙잡아 두어 지연이 편도에 가깝지만 이벤트마다 요청이 하나씩 듭니다. SSE 방식에서는 한 HTTP 응답을 열어 둔 채 서버가 계속 써 보내고(단방향), WebSocket 방식에서는 같은 한 연결로 양쪽이 프레임을 주고받습니다(양방향).
