# synack demo http (src/sim/web/http.rs): HTTP/1.1 and HTTP/2, redirects, caching.

demo-http-examples = 예:
demo-http-about = 실제 loopback 연결 위의 HTTP/1.1과 HTTP/2: head-of-line blocking, 멀티플렉싱, HPACK, 리다이렉트, 캐시
demo-http-opt-mode = 보여 줄 것
demo-http-mode-multiplex = 첫 요청이 느린 요청 세 개: HTTP/1.1에서는 차례로, HTTP/2에서는 섞여서
demo-http-mode-redirect = POST 뒤의 301, 302, 303, 307, 308: 어느 것이 메서드와 본문을 유지하는가
demo-http-mode-cache = Cache-Control의 max-age, no-cache, no-store; ETag, 304

demo-http-err = http 데모: { $what }
demo-http-err-message-too-long = 메시지가 너무 깁니다
demo-http-err-closed-early = 서버가 연결을 일찍 닫았습니다
demo-http-err-frame-too-long = 프레임이 너무 깁니다
demo-http-err-preface = HTTP/2 preface 형식이 아닙니다
demo-http-err-streams = HTTP/2 스트림이 모두 끝나지 않았습니다
demo-http-err-thread = 서버 스레드가 실패했습니다

demo-http-multiplex-title = HTTP/1.1 keep-alive와 HTTP/2 멀티플렉싱: 첫 응답이 느릴 때
demo-http-multiplex-intro = 요청 세 개({ $paths }) 중 첫 번째가 느립니다(서버 처리 { $slow } ms, 나머지 { $fast } ms, 편도 { $one_way } ms). 바이트와 순서는 127.0.0.1의 실제 연결에서 나온 것이고, 시간은 가상 시계입니다.
demo-http-step-h1 = 1. HTTP/1.1: 연결 하나(keep-alive)에서 차례로
demo-http-hol-note = 앞 응답이 끝나야 보낼 수 있어 { $sent_at } ms에야 출발했습니다: head-of-line blocking.
demo-http-col-way = 방식
demo-http-col-connections = 연결
demo-http-col-order = 응답 순서
demo-http-col-last = 마지막 응답
demo-http-h1-parallel = HTTP/1.1 × 연결 여러 개
demo-http-h1-parallel-count = 3 (최대 6)
demo-http-compare-title = 세 방식 비교 (가상 시계)
demo-http-six-label = 6개
demo-http-six = 브라우저는 HTTP/1.1에서 출처마다 연결을 6개까지 열어 이 막힘을 피합니다. 대신 연결마다 TCP·TLS 핸드셰이크와 혼잡 제어의 slow start를 따로 치릅니다.
demo-http-step-h2 = 2. HTTP/2: 연결 하나에 스트림 1, 3, 5
demo-http-col-stream = 스트림
demo-http-col-path = 경로
demo-http-col-h1-headers = HTTP/1.1 헤더
demo-http-col-saved = 줄어든 비율
demo-http-h2-first = { $path } 응답이 느린 /slow를 기다리지 않고 먼저 끝납니다.
demo-http-hpack-title = HPACK (RFC 7541): 같은 헤더는 두 번째부터 표의 번호 하나로
demo-http-hpack = 첫 요청은 헤더를 리터럴로 보내며 동적 테이블에 넣고, 뒤 요청은 같은 헤더를 그 인덱스(1바이트 남짓)로 보냅니다. 달라진 :path만 다시 적습니다.
demo-http-tcp-hol = HTTP/2 스트림은 서로 기다리지 않지만 모두 한 TCP 연결 위에 있습니다. 패킷 하나가 손실되면 재전송이 올 때까지 뒤의 모든 바이트가 커널에 묶여 모든 스트림이 멈춥니다. HTTP/3의 전송 계층인 QUIC(RFC 9000)에서는 UDP 위에서 스트림마다 순서를 따로 지키므로, 손실된 스트림만 기다립니다.

demo-http-redirect-title = HTTP 리다이렉트 (RFC 9110 §15.4): POST 뒤에 무엇을 다시 보내나
demo-http-redirect-intro = 폼 POST(본문 7바이트)에 서버가 3xx 상태 코드와 Location: /new 헤더로 답합니다. 클라이언트는 redirect_method 규칙대로 경로 /new에 다시 요청합니다. 127.0.0.1의 keep-alive 연결 하나에서 실제로 주고받습니다.
demo-http-col-status = 상태
demo-http-col-meaning = 뜻
demo-http-col-follow = 다시 보내는 요청
demo-http-col-body = 본문
demo-http-with-body = {" "}+ 본문
demo-http-301 = 영구 이동
demo-http-302 = 임시 이동
demo-http-303 = 다른 곳을 GET으로
demo-http-307 = 임시, 메서드 유지
demo-http-308 = 영구, 메서드 유지
demo-http-body-kept = 유지
demo-http-body-dropped = 버림
demo-http-redirects-title = POST에 대한 리다이렉트
demo-http-why-label = 왜
demo-http-redirects-why = 상태 코드 301, 302의 원래 뜻은 메서드 유지였지만 브라우저들이 POST 요청을 GET 요청으로 바꿔 왔고, RFC 9110도 이 관행을 허용합니다. 그래서 의도를 분명히 하는 코드가 생겼습니다: 303(POST 뒤 결과 페이지로, Post/Redirect/Get), 307·308(메서드와 본문 유지). 영구 이동인 301, 308 응답은 기본으로 캐시됩니다.

demo-http-cache-title = HTTP 캐시 (RFC 9111): Cache-Control, ETag, If-None-Match → 304
demo-http-cache-intro = 세 리소스를 0초, 30초, 90초에 요청합니다(가상 시계). 서버는 127.0.0.1에서 실제로 답하고, ETag는 늘 "v1"입니다(내용이 바뀌지 않음).
demo-http-col-resource = 리소스
demo-http-col-at = { $secs }초
demo-http-from-cache = GET { $path }: 캐시에서 (나이 { $age }초 < max-age 60)
demo-http-cache-cell = 캐시
demo-http-304-note = 304: 본문 없이 "가진 것을 그대로 써도 된다"는 답입니다. 캐시는 나이를 0으로 되돌립니다.
demo-http-no-store-note = no-store: 저장하지 않으므로 매번 처음부터 전부 받습니다.
demo-http-cache-table-title = 요청마다 무엇이 오갔나
demo-http-no-cache = no-cache의 뜻은 '캐시하지 말라'가 아니라 '쓸 때마다 서버에 확인하라'입니다: 저장은 하되, 쓸 때마다 조건부 요청(If-None-Match)으로 묻고 답이 304 Not Modified이면 본문 없이 씁니다. 저장 자체를 막는 지시는 no-store입니다.
