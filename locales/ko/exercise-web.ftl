# 웹 데모 모델(synack demo cors, http, dns)이 답하는 연습 문제.

exercise-cors-none = 없음
exercise-cors-request = { $method } { $target }, 헤더 [{ $headers }], Content-Type { $content_type }
exercise-cors-reason-method = 메서드 { $method }: 안전 목록(GET, HEAD, POST) 밖입니다
exercise-cors-reason-header = 헤더 { $name }: CORS-safelisted 헤더가 아닙니다
exercise-cors-reason-content-type = Content-Type { $value }: 폼 세 가지(application/x-www-form-urlencoded, multipart/form-data, text/plain) 밖입니다

exercise-cors-preflight-title = CORS preflight(OPTIONS)가 가는 요청: 안전 목록 밖의 메서드, 헤더, Content-Type
exercise-cors-preflight-question = { $page } 의 페이지가 fetch로 다음 cross-origin 요청을 보냅니다: { $request }. 브라우저가 먼저 preflight(OPTIONS)를 보냅니까? (yes/no)
exercise-cors-preflight-simple = 단순 요청(simple request): 메서드 GET/HEAD/POST 가운데 하나, 헤더 모두 CORS-safelisted, Content-Type 없음 또는 폼 세 가지 가운데 하나 → preflight 없이 바로 보냅니다 (Fetch)
exercise-cors-preflight-not-simple = 단순 요청이 아닙니다 → 먼저 OPTIONS preflight: { $reasons }

exercise-cors-request-headers-title = preflight의 Access-Control-Request-Headers: 안전 목록 밖의 헤더 이름, 소문자, 정렬
exercise-cors-request-headers-question = 스크립트에서 PUT 요청에 헤더 [{ $headers }], Content-Type { $content_type } 설정. preflight의 Access-Control-Request-Headers 값은? (Fetch 표기: 소문자, 정렬, 쉼표)
exercise-cors-request-headers-explanation = CORS-safelisted가 아닌 헤더 이름만 (폼 세 가지 밖의 Content-Type 포함), 소문자로 정렬해 쉼표로 (Fetch §4.8) → { $value }

exercise-cors-preflight-cache-title = preflight 결과를 얼마나 재사용하는가: Access-Control-Max-Age (없으면 5초, Chromium은 최대 2시간)
exercise-cors-no-max-age = Access-Control-Max-Age 헤더 없음
exercise-cors-preflight-cache-question = preflight 응답: { $header }. 같은 요청의 preflight 결과를 브라우저(Chromium)에서 몇 초 동안 재사용합니까?
exercise-cors-preflight-cache-explanation = Fetch: Max-Age 없음 → 5초, Chromium 상한 7200초(2시간) → { $secs }초

exercise-cors-credentials-title = CORS 응답 검사: 자격 증명(credentials)을 보낸 요청에는 Access-Control-Allow-Origin: * 불가
exercise-cors-no-allow-origin = Access-Control-Allow-Origin 헤더 없음
exercise-cors-credentials-include = "include", cookie 포함
exercise-cors-credentials-omit = 보내지 않음
exercise-cors-credentials-question = { $origin } 의 페이지가 { $target } 에 GET을 보냅니다 (credentials: { $credentials }). 응답: { $header }. 스크립트가 응답을 읽을 수 있습니까? (yes/no)
exercise-cors-check-passes = CORS 검사 통과 (Fetch §4.10)
exercise-cors-check-fails = CORS 검사 실패 (Fetch §4.10): { $why }
exercise-cors-fails-no-allow-origin = 응답에 Access-Control-Allow-Origin 헤더가 없습니다
exercise-cors-fails-star-with-credentials = 자격 증명(credentials)을 보낸 요청에는 Access-Control-Allow-Origin: *를 받아들이지 않습니다; 정확한 출처가 필요합니다
exercise-cors-fails-other-origin = Access-Control-Allow-Origin 값 { $allowed }이(가) 페이지의 출처 { $origin }와(과) 다릅니다
exercise-cors-fails-no-allow-credentials = 자격 증명을 보낸 요청인데 응답에 Access-Control-Allow-Credentials: true가 없습니다

exercise-http-redirect-method-title = redirect 다음 요청의 메서드 (301·302: POST→GET, 303: GET, 307·308: 그대로)
exercise-http-redirect-method-question = 브라우저의 { $method } 요청에 돌아온 응답: { $status } (Location 포함). Location 주소로 보내는 다음 요청의 메서드는?
exercise-http-redirect-method-explanation = RFC 9110 §15.4와 Fetch. 301, 302: POST만 GET (역사적 동작), 303: HEAD 말고 모두 GET, 307, 308: 메서드와 body 그대로 → { $status } { $method } → { $next }

exercise-http-cache-title = HTTP cache: 저장된 응답을 그대로 쓰는가, 재검증(304)하는가, 새로 받는가 (RFC 9111)
exercise-http-cache-stored = { $age }초 전에 받아 저장된 응답
exercise-http-cache-nothing-stored = 저장된 응답 없음
exercise-http-cache-question = 브라우저 cache: Cache-Control: { $cache_control }, { $state }. 같은 URL을 다시 요청하면? (cache: 그대로 씀 / revalidate: 조건부 요청, 304 / fetch: 전체 요청)
exercise-http-cache-why-fresh = fresh (age < max-age): 저장된 응답을 그대로 씁니다 (RFC 9111 §4.2)
exercise-http-cache-why-revalidate = stale 또는 no-cache: If-None-Match(ETag) 헤더와 함께 조건부 요청, 바뀌지 않았으면 304 Not Modified (RFC 9111 §4.3)
exercise-http-cache-why-fetch = 저장된 응답이 없거나 no-store: 전체 요청을 보냅니다 (RFC 9111 §3)

exercise-http-h2-stream-id-title = HTTP/2 stream id: 클라이언트 쪽 stream id는 1부터 홀수
exercise-http-h2-stream-id-question = 새 HTTP/2 연결에서 클라이언트 쪽의 { $request }번째 요청: 그 stream id는? (server push 없음)
exercise-http-h2-stream-id-explanation = RFC 9113 §5.1.1: 클라이언트 쪽 stream id는 홀수, 1부터 2씩 증가 (stream 0: 연결 전체, 짝수: 서버 쪽) → 2·{ $request } − 1 = { $id }

exercise-dns-who-answers-title = DNS: 최종 답의 출처 (root, TLD, 도메인의 name server 가운데 authoritative 쪽, 또는 resolver의 cache)
exercise-dns-who-answers-cached = resolver: 10초 전에 같은 이름을 조회함 (모든 TTL 남아 있음)
exercise-dns-who-answers-empty = resolver의 cache: 비어 있음
exercise-dns-who-answers-question = stub resolver에서 recursive resolver에 { $qname } A record 질의. { $cache }. 최종 답을 주는 쪽은? (root / tld / authoritative 또는 그 서버 이름, 또는 cache) 서버: a.root-servers.test (root, .), a.gtld-servers.test (tld, com.), ns1.example.com (authoritative, example.com.)
exercise-dns-who-answers-why-cache = TTL 안에서는 recursive resolver의 cache에서 답합니다 (NXDOMAIN 같은 부정 응답도 SOA MINIMUM 동안, RFC 2308). cache의 답: authoritative 아님 (AA 비트 없음). cache 없이 묻는 경로: { $path }
exercise-dns-who-answers-why-authoritative = referral 따라 내려가면 { $host } 서버에서 자기 zone { $zone }의 data에 따라 AA 비트를 켜고 답합니다: { $path }
