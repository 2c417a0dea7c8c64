# synack demo http (src/sim/web/http.rs): HTTP/1.1 and HTTP/2, redirects, caching.

demo-http-examples = Examples:
demo-http-about = HTTP/1.1 and HTTP/2 on real loopback connections: head-of-line blocking, multiplexing, HPACK, redirects, caching
demo-http-opt-mode = What to show
demo-http-mode-multiplex = Three requests, the first slow: HTTP/1.1 in order, HTTP/2 interleaved
demo-http-mode-redirect = 301, 302, 303, 307 and 308 after a POST: which keep the method and body
demo-http-mode-cache = Cache-Control max-age, no-cache and no-store; ETag and 304

demo-http-err = http demo: { $what }
demo-http-err-message-too-long = a message too long
demo-http-err-closed-early = the server closed early
demo-http-err-frame-too-long = a frame too long
demo-http-err-preface = not the HTTP/2 preface
demo-http-err-streams = HTTP/2 streams did not all end
demo-http-err-thread = server thread failed

demo-http-multiplex-title = HTTP/1.1 keep-alive and HTTP/2 multiplexing: when the first response is slow
demo-http-multiplex-intro = Of three requests ({ $paths }) the first is slow (server time { $slow } ms, the others { $fast } ms, one way { $one_way } ms). The bytes and their order come from real connections on 127.0.0.1; the times are a virtual clock.
demo-http-step-h1 = 1. HTTP/1.1: one after another on one connection (keep-alive)
demo-http-hol-note = It could only be sent once the response before it had ended, so it left at { $sent_at } ms: head-of-line blocking.
demo-http-col-way = way
demo-http-col-connections = connections
demo-http-col-order = response order
demo-http-col-last = last response
demo-http-h1-parallel = HTTP/1.1 × several connections
demo-http-h1-parallel-count = 3 (up to 6)
demo-http-compare-title = The three ways compared (virtual clock)
demo-http-six-label = Six
demo-http-six = With HTTP/1.1 a browser opens up to six connections per origin to get around this blocking. But each connection pays its own TCP and TLS handshakes and its own congestion-control slow start.
demo-http-step-h2 = 2. HTTP/2: streams 1, 3 and 5 on one connection
demo-http-col-stream = stream
demo-http-col-path = path
demo-http-col-h1-headers = HTTP/1.1 headers
demo-http-col-saved = saved
demo-http-h2-first = The { $path } response ends first, without waiting for the slow /slow.
demo-http-hpack-title = HPACK (RFC 7541): from the second time on, a header is one table index
demo-http-hpack = The first request sends its headers as literals and adds them to the dynamic table; later requests send the same headers as their index (about one byte). Only the changed :path is written again.
demo-http-tcp-hol = HTTP/2 streams do not wait for each other, but they all ride one TCP connection. When one packet is lost, every byte after it is held in the kernel until the retransmission arrives, and every stream stops. QUIC (RFC 9000), the transport of HTTP/3, keeps order per stream on top of UDP, so only the stream with the loss waits.

demo-http-redirect-title = HTTP redirects (RFC 9110 §15.4): what is sent again after a POST
demo-http-redirect-intro = The server answers a form POST (a 7-byte body) with a 3xx status code and a Location: /new header. The client requests the path /new again, following the redirect_method rule. Sent and received for real on one keep-alive connection on 127.0.0.1.
demo-http-col-status = status
demo-http-col-meaning = meaning
demo-http-col-follow = request sent again
demo-http-col-body = body
demo-http-with-body = {" "}+ body
demo-http-301 = moved permanently
demo-http-302 = found (moved temporarily)
demo-http-303 = see other, with GET
demo-http-307 = temporary, method kept
demo-http-308 = permanent, method kept
demo-http-body-kept = kept
demo-http-body-dropped = dropped
demo-http-redirects-title = Redirects of a POST
demo-http-why-label = Why
demo-http-redirects-why = 301 and 302 originally meant that the method is kept, but browsers have long turned a POST into a GET, and RFC 9110 allows the practice. So codes that make the intent clear were added: 303 (to a result page after a POST: Post/Redirect/Get), 307 and 308 (method and body kept). The permanent 301 and 308 responses are cacheable by default.

demo-http-cache-title = HTTP caching (RFC 9111): Cache-Control, ETag, If-None-Match → 304
demo-http-cache-intro = Three resources are requested at 0 s, 30 s and 90 s (virtual clock). The server really answers on 127.0.0.1, and the ETag is always "v1" (the content never changes).
demo-http-col-resource = resource
demo-http-col-at = { $secs } s
demo-http-from-cache = GET { $path }: from the cache (age { $age } s < max-age 60)
demo-http-cache-cell = cache
demo-http-304-note = 304: no body, meaning "use what you have". The cache resets the age to 0.
demo-http-no-store-note = no-store: nothing is stored, so every request gets the whole thing again.
demo-http-cache-table-title = What each request exchanged
demo-http-no-cache = no-cache does not mean "do not cache" but "check with the server every time": the response is stored, but each use asks with a conditional request (If-None-Match), and a 304 Not Modified answer means it is used without a body. The directive that prevents storing is no-store.
