# synack demo uri (src/sim/web/uri.rs)

demo-uri-about = URI를 분해합니다: RFC 3986 generic syntax, 브라우저가 보는 WHATWG URL, query, origin, Punycode
demo-uri-opt-uri = 분해할 URI (relative reference는 --base가 필요합니다)
demo-uri-opt-base = URI를 이 absolute URI에 대해 해석합니다 (RFC 3986 §5.2와 WHATWG)
demo-uri-opt-compare = URI의 origin을 OTHER의 origin과 비교합니다 (same-origin policy)
demo-uri-missing = URI가 없습니다: 예) `{ $example }`
demo-uri-bad-option = { $option } { $value }: absolute URL이 아닙니다 ({ $error })
demo-uri-title-main = URI 구조: RFC 3986과 WHATWG URL

demo-uri-rule-scheme = reference에 scheme이 있음 → reference 그대로 (dot segment만 제거)
demo-uri-rule-network-path = scheme 없이 //authority로 시작 (network-path reference) → base의 scheme만 빌림
demo-uri-rule-empty-path = path가 비어 있음 → base의 path 유지, query는 reference에 있으면 그것, 없으면 base의 것
demo-uri-rule-absolute-path = path가 /로 시작 (absolute-path reference) → base의 scheme과 authority에 이 path
demo-uri-rule-relative-path = 상대 path (relative-path reference) → base path의 마지막 / 까지와 merge 후 dot segment 제거

demo-uri-diff-tab-newline = 탭·줄바꿈(tab, newline)을 모두 지웠습니다 (WHATWG만 하는 일)
demo-uri-diff-trimmed = 앞뒤의 공백·제어 문자(C0 control, space)를 잘라냈습니다
demo-uri-why-scheme-lower = scheme은 소문자로
demo-uri-why-userinfo = 빈 부분은 버리고 필요한 곳은 percent-encoding
demo-uri-why-ipv4 = IPv4 주소를 숫자로 해석해 점 네 개 표기로 (0x7f.1 → 127.0.0.1)
demo-uri-why-ipv6 = IPv6 주소를 표준 표기로 (RFC 5952)
demo-uri-why-idna = IDNA: 소문자화·정규화 뒤 Punycode(xn--)로
demo-uri-why-host-lower = host는 소문자로
demo-uri-why-empty-port = 빈 port는 없는 것과 같음
demo-uri-why-default-port = scheme의 default port라서 생략
demo-uri-why-port-number = 앞의 0을 떼고 숫자로
demo-uri-why-dot-segments = dot segment(. ..) 해석
demo-uri-why-empty-path = special scheme의 빈 path는 /
demo-uri-why-backslash = \를 /로
demo-uri-why-percent = percent-encoding 추가
demo-uri-none = (없음)

demo-uri-step = { $n }단계  { $title }
demo-uri-step-split = RFC 3986 generic syntax로 나누기 (Appendix B)
demo-uri-step-resolve = base에 대해 해석하기 (RFC 3986 §5.2 reference resolution)
demo-uri-step-whatwg = WHATWG URL Standard — 브라우저가 쓰는 parser (url crate)
demo-uri-step-parts = query, default port, host (IDNA/Punycode)
demo-uri-step-origin = origin과 same-origin policy (SOP)

demo-uri-input = 입력
demo-uri-split-text = scheme:[//authority]path[?query][#fragment] — 구분자 : / ? # 만 보고 자릅니다. 정규식:
demo-uri-split-no-validation = 이 단계는 나누기만 하고 검증(validation)은 하지 않습니다.
demo-uri-kind = 종류
demo-uri-kind-url = URL — authority(host)가 있어 어디에 있는지(locator)를 알려 줍니다. 모든 URL은 URI입니다.
demo-uri-kind-urn = URN — urn: 은 이름(name)만 붙이고 어디에 있는지는 말하지 않습니다. URI이지만 URL은 아닙니다.
demo-uri-kind-uri = URI but not hierarchical — scheme은 있지만 authority(//host)가 없어 위치를 말하지 않습니다 (mailto:, data: 같은 것).
demo-uri-kind-relative = relative reference — scheme이 없어 혼자서는 URI가 아닙니다. --base로 기준 URI를 주면 해석(resolve)합니다.
demo-uri-kind-resolved = relative reference — scheme이 없어 혼자서는 URI가 아닙니다. base로 해석한 결과는: { $kind }

demo-uri-dot-removed = dot 제거
demo-uri-result = 결과
demo-uri-rule = 규칙
demo-uri-base-no-scheme = base에 scheme이 없어 RFC 3986으로는 해석할 수 없습니다 (§5.1: base는 absolute URI여야 함).

demo-uri-parse-failure = parse 실패(failure)
demo-uri-parse-failure-text = RFC 3986의 split은 아무 문자열이나 나누지만, WHATWG parser는 host·port를 검사해서 거부합니다. 브라우저라면 new URL()이 TypeError를 던지고, 주소창은 이 입력을 검색어로 다룹니다.
demo-uri-differences-none = RFC 3986으로 읽은 것과 다른 점(differences): 없음
demo-uri-differences = RFC 3986으로 읽은 것과 다른 점(differences):
demo-uri-query-pairs-none = 없음
demo-uri-query-pairs = query pairs (application/x-www-form-urlencoded로 decode: + → 공백, %XX → byte):
demo-uri-no-default-port = 없음 (이 scheme에는 알려진 default port가 없습니다)
demo-uri-idna-text = DNS는 ASCII만 다루므로 Unicode 도메인은 IDNA로 Punycode(xn--...) label로 바꿔서 조회합니다.
demo-uri-origin-opaque = null — opaque origin. (scheme, host, port) tuple이 없어 어떤 origin과도, 자기 자신과도 같지 않습니다.
demo-uri-origin-tuple = { $origin } — (scheme, host, port) 세 가지가 모두 같아야 same-origin입니다.
demo-uri-compare-with = 비교 대상
demo-uri-same-origin = → same-origin: 서로의 DOM·응답을 제한 없이 읽을 수 있습니다.
demo-uri-cross-origin = → cross-origin (다른 것: { $differs }): 응답을 읽으려면 서버가 CORS 헤더(Access-Control-Allow-Origin)로 허락해야 합니다.

# The url crate's parse errors (url::ParseError), as the screen shows them;
# the JSON keeps the crate's own English text.
demo-uri-err-empty-host = host가 비어 있습니다
demo-uri-err-idna = 국제화 도메인 이름(IDN)이 올바르지 않습니다
demo-uri-err-port = port 번호가 올바르지 않습니다
demo-uri-err-ipv4 = IPv4 주소가 올바르지 않습니다
demo-uri-err-ipv6 = IPv6 주소가 올바르지 않습니다
demo-uri-err-domain-char = 도메인에 쓸 수 없는 문자가 있습니다
demo-uri-err-relative = base 없는 relative URL입니다
demo-uri-err-cannot-be-base = base가 cannot-be-a-base URL이라 relative URL을 해석할 수 없습니다
demo-uri-err-overflow = 4 GB가 넘는 URL은 다루지 않습니다
