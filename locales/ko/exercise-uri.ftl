# URI 모델(synack demo uri)이 답하는 연습 문제.

exercise-uri-same-origin-title = same-origin policy: scheme·host·port 세 가지가 모두 같아야 같은 origin
exercise-uri-same-origin-question = 두 URL의 origin 값이 같습니까? a = { $a } , b = { $b } (같으면 yes, 다르면 no, 그리고 다른 부분: scheme/host/port)
exercise-uri-same-origin-explanation = origin 값은 (scheme, host, port)의 튜플입니다 (RFC 6454, WHATWG URL): a = { $a }, b = { $b }. host 이름은 소문자로, default port 번호는 생략해서 비교하고 path 부분은 상관없습니다.

exercise-uri-port-title = URL에서 연결할 port 번호: 명시된 port, 없으면 scheme의 default port
exercise-uri-port-question = 다음 URL에 접속할 때 쓰는 TCP port 번호는? { $url }
exercise-uri-port-explicit = URL에 port 번호가 명시되어 있습니다 → { $port }
exercise-uri-port-default = port 번호가 없거나 default port 번호와 같아서 생략됩니다: { $scheme } scheme의 default port → { $port }

exercise-uri-resolve-title = 상대 참조(relative reference) 해석 (RFC 3986 5.2)
exercise-uri-resolve-question = base URI { $base } 에 대해 상대 참조 "{ $reference }" 를 해석한 결과는? (RFC 3986 5.2)
exercise-uri-resolve-rule-scheme = reference에 scheme이 있음 → reference 그대로 (dot segment만 제거)
exercise-uri-resolve-rule-network-path = scheme 없이 //authority로 시작 (network-path reference) → base의 scheme만 빌림
exercise-uri-resolve-rule-empty-path = path가 비어 있음 → base의 path 유지, query는 reference에 있으면 그것, 없으면 base의 것
exercise-uri-resolve-rule-absolute-path = path가 /로 시작 (absolute-path reference) → base의 scheme과 authority에 이 path
exercise-uri-resolve-rule-relative-path = 상대 path (relative-path reference) → base path의 마지막 / 까지와 merge 후 dot segment 제거
exercise-uri-resolve-explanation = RFC 3986 5.2.2: { $rule } = { $target }
exercise-uri-resolve-explanation-merged = RFC 3986 5.2.2: { $rule }, 합친 path { $merged } → remove_dot_segments = { $target }

exercise-uri-remove-dot-segments-title = dot segment(. ..) 제거 (RFC 3986 5.2.4)
exercise-uri-remove-dot-segments-question = path { $path } 에서 dot segment(. ..) 부분을 제거하면? (RFC 3986 5.2.4)
exercise-uri-remove-dot-segments-explanation = 왼쪽부터 segment 하나씩 옮기며 . 기호는 버리고 .. 기호는 출력의 마지막 segment 하나를 지웁니다 (root 위로는 못 올라감): { $path }

exercise-uri-query-value-title = query 값의 디코딩: + 기호는 공백, %XX 표기는 UTF-8 바이트
exercise-uri-query-value-question = 다음 URL의 query에서 { $key } 값은? (application/x-www-form-urlencoded 디코딩 후) { $url }
exercise-uri-query-value-explanation = form 디코딩: + 기호는 공백, %XX 표기는 바이트, 바이트열은 UTF-8 → { $value }

exercise-uri-kind-title = URL, URN, 그 밖의 URI: authority 부분이 있으면 위치(URL)
exercise-uri-kind-question = { $uri } 는 url, urn, uri 가운데 무엇입니까? (uri: URL도 URN도 아닌 URI)
exercise-uri-kind-why-url = authority 부분(//host)이 있어 위치를 말합니다
exercise-uri-kind-why-urn = urn: scheme: 위치가 아니라 이름입니다
exercise-uri-kind-why-uri = scheme 부분은 있지만 authority 부분이 없습니다: URL도 URN도 아닌 URI
