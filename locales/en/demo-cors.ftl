# synack demo cors (src/sim/web/cors.rs): the Fetch standard's CORS check.

demo-cors-examples = Examples:
demo-cors-about = The CORS check of a cross-origin request to a real HTTP server on 127.0.0.1
demo-cors-opt-method = The request's method
demo-cors-opt-header = A request header set by the page's script, `Name: value` (repeatable)
demo-cors-opt-content-type = The request body's Content-Type (sends a small body)
demo-cors-opt-credentials = Send cookies (fetch's credentials: "include")
demo-cors-opt-allow-origin = Server: its Access-Control-Allow-Origin (`*`, an origin, or `none` to send none)
demo-cors-opt-allow-methods = Server: its Access-Control-Allow-Methods on a preflight
demo-cors-opt-allow-headers = Server: its Access-Control-Allow-Headers on a preflight (empty: none)
demo-cors-opt-allow-credentials = Server: send Access-Control-Allow-Credentials: true
demo-cors-opt-max-age = Server: its Access-Control-Max-Age in seconds (none: the browser keeps it 5 s)
demo-cors-opt-again-after = When the page sends the same request again, in seconds after the first

demo-cors-err-cut-short = cors: the server's response is cut short
demo-cors-err-header-form = --header { $header }: expected `Name: value`
demo-cors-err-header-name = --header { $header }: { $name } is not a header name
demo-cors-err-value = { $option } { $value }: a header value cannot hold CR, LF or NUL
demo-cors-err-method = { $option } { $value }: not an HTTP method
demo-cors-err-thread = cors: the server thread failed

demo-cors-why-too-long = the value is over 128 bytes
demo-cors-why-bad-byte = the value has a byte its rule does not allow
demo-cors-why-range = not a single simple range (bytes=N- or bytes=N-M)
demo-cors-why-name = the name is not on the safelist (Accept, Accept-Language, Content-Language, Content-Type, Range)
demo-cors-why-total = together they are over 1024 bytes
demo-cors-all-safelisted = (all safelisted headers)
demo-cors-reason-method = method { $method }: not on the safelist (GET, HEAD, POST)
demo-cors-reason-header = header { $name }: { $why }
demo-cors-reason-content-type = Content-Type { $value }: not one of the three form types (application/x-www-form-urlencoded, multipart/form-data, text/plain)

demo-cors-check-no-acao = the response has no Access-Control-Allow-Origin header
demo-cors-check-star-credentials = a request with credentials does not accept Access-Control-Allow-Origin: *; it needs the exact origin
demo-cors-check-other-origin = Access-Control-Allow-Origin { $allow } is not the page's origin { $origin }
demo-cors-check-no-acac = the request was sent with credentials, but the response has no Access-Control-Allow-Credentials: true
demo-cors-check-method = method { $method }: not in Access-Control-Allow-Methods
demo-cors-check-header = header { $name }: not in Access-Control-Allow-Headers

demo-cors-title-run = CORS (the Fetch standard): a page of { $origin } requests { $target }
demo-cors-compare = Origins compared (the uri demo's rule: scheme, host, port)
demo-cors-page = page
demo-cors-target = target
demo-cors-result = result
demo-cors-cross-origin = cross-origin (differs in: { $parts })
demo-cors-loopback = Both origins are only example names: the bytes really go to a server waiting on an ephemeral port of 127.0.0.1 (the OS picks it). Only the request's Host header says api.example.
demo-cors-dropped-label = Dropped
demo-cors-dropped = A script cannot set these headers (forbidden request-headers), so the browser drops them: { $names }
demo-cors-step-simple = 1. Is it a simple request?
demo-cors-col-check = check
demo-cors-col-value = value
demo-cors-needs-preflight = needs a preflight
demo-cors-safelisted = safelisted
demo-cors-method = method
demo-cors-header = header { $name }
demo-cors-form-type = form type
demo-cors-verdict-label = Verdict
demo-cors-verdict-simple = A simple request: sent at once, without a preflight. An HTML form could always send such a request, so servers must already cope with it.
demo-cors-verdict-preflight = A preflight is needed. Because: { $reasons }
demo-cors-step-preflight = 2. The preflight: asking first with the OPTIONS method
demo-cors-acrh-note = Access-Control-Request-Headers lists the headers outside the safelist: lower-cased, sorted, comma-separated.
demo-cors-blocked-label = Blocked
demo-cors-preflight-failed = The preflight failed, so the actual request is not sent: { $why }
demo-cors-passed-label = Passed
demo-cors-preflight-passed = The preflight passed. The browser caches this result for { $secs } s (Access-Control-Max-Age; Chromium caps it at 2 hours, Firefox at 24 hours).
demo-cors-step-request = { $step }. The actual request
demo-cors-allowed-label = Allowed
demo-cors-allowed = The CORS check passed: the page's script can read the response.
demo-cors-blocked = The request reached the server and the server answered, but the browser does not hand the response to the script: { $why }
demo-cors-step-again = { $step }. The same request { $secs } s later
demo-cors-again-simple = A simple request: this time too it is sent at once, without a preflight.
demo-cors-again-cached = The preflight cache has a matching entry ({ $left } s left), so the request is sent at once, without OPTIONS.
demo-cors-again-expired = The entry expired { $secs } s after it was cached, so the preflight is sent again.

# The socket steps an I/O error names (io_label, shared by the web demos).
demo-cors-io-http-server = HTTP server
demo-cors-io-stun-client-address = STUN client address
demo-cors-io-stun-client-timeout = STUN client timeout
demo-cors-io-stun-server-address = STUN server address
demo-cors-io-stun-server-timeout = STUN server timeout
demo-cors-io-stun-server = STUN server
demo-cors-io-accepting = accepting
demo-cors-io-binding-127-0-0-1-0 = binding 127.0.0.1:0
demo-cors-io-connecting = connecting
demo-cors-io-local-address = local address
demo-cors-io-nodelay = nodelay
demo-cors-io-reading-a-frame = reading a frame
demo-cors-io-reading-the-port = reading the port
demo-cors-io-reading-the-preface = reading the preface
demo-cors-io-reading-the-response = reading the response
demo-cors-io-reading = reading
demo-cors-io-sending-the-stun-binding-request = sending the STUN Binding request
demo-cors-io-sending-the-request = sending the request
demo-cors-io-sending = sending
demo-cors-io-server-read = server read
demo-cors-io-server-write = server write
demo-cors-io-timeouts = timeouts
demo-cors-io-waiting-for-the-stun-binding-response = waiting for the STUN Binding response
