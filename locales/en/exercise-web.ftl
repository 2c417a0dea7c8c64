# Exercises answered by the web demos' models (synack demo cors, http, dns).

exercise-cors-none = none
exercise-cors-request = { $method } { $target }, headers [{ $headers }], Content-Type { $content_type }
exercise-cors-reason-method = method { $method } is not one of the safelisted GET, HEAD, POST
exercise-cors-reason-header = header { $name } is not CORS-safelisted
exercise-cors-reason-content-type = Content-Type { $value } is not one of the three form types (application/x-www-form-urlencoded, multipart/form-data, text/plain)

exercise-cors-preflight-title = Requests that get a CORS preflight (OPTIONS): a method, header or Content-Type outside the safelist
exercise-cors-preflight-question = A page at { $page } sends this cross-origin request with fetch: { $request }. Does the browser send a preflight (OPTIONS) first? (yes/no)
exercise-cors-preflight-simple = A simple request: the method is GET, HEAD or POST, every header is CORS-safelisted, and the Content-Type is absent or one of the three form types → sent at once, with no preflight (Fetch)
exercise-cors-preflight-not-simple = Not a simple request → an OPTIONS preflight first: { $reasons }

exercise-cors-request-headers-title = A preflight's Access-Control-Request-Headers: the names outside the safelist, lower case, sorted
exercise-cors-request-headers-question = A script sends a PUT with headers [{ $headers }] and Content-Type { $content_type }. What is the preflight's Access-Control-Request-Headers? (as Fetch writes it: lower case, sorted, commas)
exercise-cors-request-headers-explanation = Only the names of headers that are not CORS-safelisted (a Content-Type outside the three form types among them), in lower case, sorted, joined by commas (Fetch §4.8) → { $value }

exercise-cors-preflight-cache-title = How long a preflight's result is reused: Access-Control-Max-Age (5 s without it, at most 2 hours in Chromium)
exercise-cors-no-max-age = no Access-Control-Max-Age
exercise-cors-preflight-cache-question = The preflight response has { $header }. For how many seconds does the browser (Chromium) reuse the result for the same request?
exercise-cors-preflight-cache-explanation = Fetch: no Max-Age → 5 s; Chromium caps it at 7200 s (2 hours) → { $secs } s

exercise-cors-credentials-title = The CORS check of a response: a request with credentials never accepts Access-Control-Allow-Origin: *
exercise-cors-no-allow-origin = no Access-Control-Allow-Origin
exercise-cors-credentials-include = include, cookies sent
exercise-cors-credentials-omit = omit
exercise-cors-credentials-question = A page at { $origin } GETs { $target } (credentials: { $credentials }). The response has { $header }. May the script read the response? (yes/no)
exercise-cors-check-passes = The CORS check passes (Fetch §4.10)
exercise-cors-check-fails = The CORS check fails (Fetch §4.10): { $why }
exercise-cors-fails-no-allow-origin = the response has no Access-Control-Allow-Origin
exercise-cors-fails-star-with-credentials = a request with credentials does not accept Access-Control-Allow-Origin: *; it needs the exact origin
exercise-cors-fails-other-origin = Access-Control-Allow-Origin { $allowed } is not the page's origin { $origin }
exercise-cors-fails-no-allow-credentials = the request has credentials but the response lacks Access-Control-Allow-Credentials: true

exercise-http-redirect-method-title = The method after a redirect (301 and 302: POST becomes GET, 303: GET, 307 and 308: unchanged)
exercise-http-redirect-method-question = A browser gets a { $status } (with a Location) in answer to a { $method }. Which method does the redirected request use?
exercise-http-redirect-method-explanation = RFC 9110 §15.4 and Fetch. 301, 302: only a POST becomes a GET (historical behaviour); 303: everything but HEAD becomes a GET; 307, 308: the method and body stay → { $status } { $method } → { $next }

exercise-http-cache-title = HTTP caching: use the stored response, revalidate it (304), or fetch anew (RFC 9111)
exercise-http-cache-stored = a response stored { $age } s ago
exercise-http-cache-nothing-stored = nothing stored
exercise-http-cache-question = A browser cache holds Cache-Control: { $cache_control }, { $state }. The same URL is requested again: cache (use it), revalidate (conditional request, 304) or fetch (full request)?
exercise-http-cache-why-fresh = Fresh (age < max-age): the stored response is used as it is (RFC 9111 §4.2)
exercise-http-cache-why-revalidate = Stale or no-cache: a conditional request with If-None-Match (the ETag), 304 Not Modified if unchanged (RFC 9111 §4.3)
exercise-http-cache-why-fetch = Nothing stored, or no-store: the full request goes out (RFC 9111 §3)

exercise-http-h2-stream-id-title = HTTP/2 stream ids: the client's are odd, from 1
exercise-http-h2-stream-id-question = On a new HTTP/2 connection, what is the stream id of the client's request number { $request }? (no server push)
exercise-http-h2-stream-id-explanation = RFC 9113 §5.1.1: client streams have odd ids, from 1 up by 2 (stream 0 is the connection, even ids the server's) → 2·{ $request } − 1 = { $id }

exercise-dns-who-answers-title = DNS: where the final answer comes from (the authoritative one of root, TLD and the domain's name server, or the resolver's cache)
exercise-dns-who-answers-cached = the resolver looked the same name up 10 s ago (every TTL is left)
exercise-dns-who-answers-empty = the resolver's cache is empty
exercise-dns-who-answers-question = A stub asks a recursive resolver for the A record of { $qname }; { $cache }. Who gives the final answer (root / tld / authoritative or the server's name, or cache)? Servers: a.root-servers.test (root, .), a.gtld-servers.test (tld, com.), ns1.example.com (authoritative, example.com.)
exercise-dns-who-answers-why-cache = Within the TTL the recursive resolver answers from its cache (a negative answer such as NXDOMAIN too, for the SOA MINIMUM, RFC 2308). A cached answer is not authoritative (no AA bit). The walk without a cache: { $path }
exercise-dns-who-answers-why-authoritative = Following the referrals down, { $host } answers from its own zone { $zone } with the AA bit set: { $path }
