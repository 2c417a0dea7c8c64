# synack demo cors (src/sim/web/cors.rs): the Fetch standard's CORS check.

demo-cors-examples = 예:
demo-cors-about = 127.0.0.1의 실제 HTTP 서버로 가는 cross-origin 요청의 CORS 검사
demo-cors-opt-method = 요청의 메서드
demo-cors-opt-header = 페이지의 스크립트가 정하는 요청 헤더, `Name: value` (여러 번 줄 수 있습니다)
demo-cors-opt-content-type = 요청 본문의 Content-Type (작은 본문을 보냅니다)
demo-cors-opt-credentials = 쿠키를 보냅니다 (fetch의 credentials: "include")
demo-cors-opt-allow-origin = 서버: Access-Control-Allow-Origin 값 (`*`, 출처 하나, 또는 보내지 않으려면 `none`)
demo-cors-opt-allow-methods = 서버: 사전 요청에 답하는 Access-Control-Allow-Methods
demo-cors-opt-allow-headers = 서버: 사전 요청에 답하는 Access-Control-Allow-Headers (비우면 보내지 않습니다)
demo-cors-opt-allow-credentials = 서버: Access-Control-Allow-Credentials: true 헤더를 보냅니다
demo-cors-opt-max-age = 서버: Access-Control-Max-Age 값, 초 단위 (없으면 브라우저가 5초 동안 보관합니다)
demo-cors-opt-again-after = 페이지가 같은 요청을 다시 보내는 때, 첫 요청 뒤 몇 초

demo-cors-err-cut-short = cors: 서버의 응답이 중간에 끊겼습니다
demo-cors-err-header-form = --header { $header }: `Name: value` 형식이어야 합니다
demo-cors-err-header-name = --header { $header }: { $name } 값은 헤더 이름이 아닙니다
demo-cors-err-value = { $option } { $value }: 헤더 값에는 CR, LF, NUL 문자를 넣을 수 없습니다
demo-cors-err-method = { $option } { $value }: HTTP 메서드가 아닙니다
demo-cors-err-thread = cors: 서버 스레드가 실패했습니다

demo-cors-why-too-long = 값이 128바이트를 넘습니다
demo-cors-why-bad-byte = 값에 허용되지 않는 문자가 있습니다
demo-cors-why-range = 단순 범위(bytes=N- 또는 bytes=N-M)가 아닙니다
demo-cors-why-name = 안전 목록(Accept, Accept-Language, Content-Language, Content-Type, Range) 밖의 이름입니다
demo-cors-why-total = 합이 1024바이트를 넘습니다
demo-cors-all-safelisted = (안전 목록 헤더 전체)
demo-cors-reason-method = 메서드 { $method }: 안전 목록(GET, HEAD, POST) 밖입니다
demo-cors-reason-header = 헤더 { $name }: { $why }
demo-cors-reason-content-type = Content-Type { $value }: 폼 세 가지(application/x-www-form-urlencoded, multipart/form-data, text/plain) 밖입니다

demo-cors-check-no-acao = 응답에 Access-Control-Allow-Origin 헤더가 없습니다
demo-cors-check-star-credentials = 자격 증명(credentials)을 보낸 요청에는 Access-Control-Allow-Origin: *를 받아들이지 않습니다; 정확한 출처가 필요합니다
demo-cors-check-other-origin = Access-Control-Allow-Origin 값 { $allow }이(가) 페이지의 출처 { $origin }와(과) 다릅니다
demo-cors-check-no-acac = 자격 증명을 보낸 요청인데 응답에 Access-Control-Allow-Credentials: true가 없습니다
demo-cors-check-method = 메서드 { $method }: Access-Control-Allow-Methods 목록에 없습니다
demo-cors-check-header = 헤더 { $name }: Access-Control-Allow-Headers 목록에 없습니다

demo-cors-title-run = CORS (Fetch 표준): { $origin } 페이지가 { $target } 요청
demo-cors-compare = 출처 비교 (uri 데모의 규칙: scheme, host, port)
demo-cors-page = 페이지
demo-cors-target = 대상
demo-cors-result = 결과
demo-cors-cross-origin = cross-origin (다른 부분: { $parts })
demo-cors-loopback = 두 출처는 예시 이름일 뿐이고, 실제 바이트는 127.0.0.1의 임시 포트(OS가 고름)에서 기다리는 서버로 갑니다. 요청의 Host 헤더 값만 api.example입니다.
demo-cors-dropped-label = 무시
demo-cors-dropped = 스크립트가 정할 수 없는 헤더(forbidden request-header)라서 브라우저가 버립니다: { $names }
demo-cors-step-simple = 1. 단순 요청(simple request)인가?
demo-cors-col-check = 검사
demo-cors-col-value = 값
demo-cors-needs-preflight = preflight 필요
demo-cors-safelisted = 안전 목록
demo-cors-method = 메서드
demo-cors-header = 헤더 { $name }
demo-cors-form-type = 폼 타입
demo-cors-verdict-label = 판정
demo-cors-verdict-simple = 단순 요청입니다: preflight 없이 바로 보냅니다. HTML 폼으로도 보낼 수 있던 요청이라 서버가 이미 견뎌야 하는 종류입니다.
demo-cors-verdict-preflight = 사전 요청(preflight)이 필요합니다. 이유: { $reasons }
demo-cors-step-preflight = 2. 사전 요청(preflight): OPTIONS 메서드로 먼저 묻기
demo-cors-acrh-note = Access-Control-Request-Headers 값은 안전 목록 밖의 헤더 이름을 소문자로, 정렬해 쉼표로 잇습니다.
demo-cors-blocked-label = 차단
demo-cors-preflight-failed = 사전 요청이 실패해 실제 요청은 보내지 않습니다: { $why }
demo-cors-passed-label = 통과
demo-cors-preflight-passed = 사전 요청(preflight)을 통과했습니다. 브라우저는 이 결과를 { $secs }초 동안 캐시합니다 (Access-Control-Max-Age, Chromium 상한 2시간, Firefox 24시간).
demo-cors-step-request = { $step }. 실제 요청
demo-cors-allowed-label = 허용
demo-cors-allowed = CORS 검사를 통과했습니다: 페이지의 스크립트가 응답을 읽을 수 있습니다.
demo-cors-blocked = 요청은 서버에 닿았고 서버는 답했지만, 브라우저가 응답을 스크립트에 넘기지 않습니다: { $why }
demo-cors-step-again = { $step }. { $secs }초 뒤 같은 요청
demo-cors-again-simple = 단순 요청이라 이번에도 preflight 없이 바로 보냅니다.
demo-cors-again-cached = preflight 캐시(남은 시간 { $left }초)에 맞는 항목이 있어 OPTIONS 없이 바로 보냅니다.
demo-cors-again-expired = 캐시한 지 { $secs }초가 지나 항목이 만료되었으므로 사전 요청을 다시 보냅니다.

# The socket steps an I/O error names (io_label, shared by the web demos).
demo-cors-io-http-server = HTTP server
demo-cors-io-stun-client-address = STUN client 주소 읽기
demo-cors-io-stun-client-timeout = STUN client 시간 제한 설정
demo-cors-io-stun-server-address = STUN server 주소 읽기
demo-cors-io-stun-server-timeout = STUN server 시간 제한 설정
demo-cors-io-stun-server = STUN server
demo-cors-io-accepting = 연결 받기
demo-cors-io-binding-127-0-0-1-0 = 127.0.0.1:0 bind
demo-cors-io-connecting = 연결하기
demo-cors-io-local-address = 로컬 주소 읽기
demo-cors-io-nodelay = TCP_NODELAY 설정
demo-cors-io-reading-a-frame = 프레임 읽기
demo-cors-io-reading-the-port = 포트 읽기
demo-cors-io-reading-the-preface = preface 읽기
demo-cors-io-reading-the-response = 응답 읽기
demo-cors-io-reading = 읽기
demo-cors-io-sending-the-stun-binding-request = STUN Binding request 보내기
demo-cors-io-sending-the-request = 요청 보내기
demo-cors-io-sending = 보내기
demo-cors-io-server-read = 서버의 읽기
demo-cors-io-server-write = 서버의 쓰기
demo-cors-io-timeouts = 시간 제한 설정
demo-cors-io-waiting-for-the-stun-binding-response = STUN Binding response 기다리기
