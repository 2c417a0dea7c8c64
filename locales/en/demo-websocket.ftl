# synack demo websocket (src/sim/web/websocket.rs): the upgrade, frames and close.

demo-websocket-examples = Examples:
demo-websocket-example-message = synack demo websocket --message héllo --seed 7
demo-websocket-about = A real WebSocket (RFC 6455) upgrade and frames between a client and a server on 127.0.0.1
demo-websocket-opt-key = The client's Sec-WebSocket-Key: base64 of 16 bytes (default: drawn from --seed)
demo-websocket-opt-message = The text message the client sends and the server echoes (up to 125 bytes)
demo-websocket-opt-compare = Also deliver one event schedule by polling, long polling, SSE and WebSocket (virtual clock)

demo-websocket-err-key-length = --key { $key }: decodes to { $bytes } bytes; a Sec-WebSocket-Key is base64 of 16 bytes
demo-websocket-err-key-base64 = --key { $key }: not base64; a Sec-WebSocket-Key is base64 of 16 bytes
demo-websocket-err-message = --message: { $bytes } bytes; this demo sends it in one frame with a 7-bit length (up to 125)
demo-websocket-err-ws = websocket { $what }: { $error }
demo-websocket-err-thread = websocket server thread failed
demo-websocket-err-closed-early = websocket: the server closed early
demo-websocket-err-no-head = websocket: no HTTP head on the wire
demo-websocket-err-frame-cut = websocket: a frame cut short
demo-websocket-err-payload-cut = websocket: a payload cut short

demo-websocket-title-run = WebSocket (RFC 6455): a real upgrade and frames on loopback
demo-websocket-intro = A tungstenite client and server connected on 127.0.0.1, on an ephemeral port the OS picked. The bytes below are exactly what passed through the client's socket. The port number changes every run, so only a <port> mark stands in for it.
demo-websocket-step-upgrade = 1. The HTTP/1.1 Upgrade request (client → server)
demo-websocket-upgrade-why = An ordinary GET request with two more headers (Connection: Upgrade, Upgrade: websocket) asks to switch the same TCP connection to another protocol. Sec-WebSocket-Key is the base64 of a 16-byte nonce drawn anew each time, and Sec-WebSocket-Version is 13 (§4.1).
demo-websocket-step-101 = 2. 101 Switching Protocols (server → client)
demo-websocket-accept-title = Computing Sec-WebSocket-Accept (§4.2.2)
demo-websocket-formula = formula
demo-websocket-checked-label = Checked
demo-websocket-checked = The client (tungstenite) recomputed Sec-WebSocket-Accept from the key it sent and compared it with the response header; they matched, so this connection became a WebSocket connection. The value is not security: it tells that the other side really is a WebSocket server, and that the answer is not an old response from a cache.
demo-websocket-step-frames = 3. Frames (§5)
demo-websocket-client-text = The message sent: { $message }. Every frame a client sends must be masked (§5.3).
demo-websocket-server-text = The server's echo. Server frames are not masked.
demo-websocket-ping = A ping control frame: checks that the connection is alive (§5.5.2).
demo-websocket-pong = A pong frame sends back the data the ping carried (§5.5.3).
demo-websocket-client-close = A close frame: status code 1000 (normal closure) and a reason (§5.5.1, §7.4).
demo-websocket-server-close = When the server answers with a close frame the closing handshake is done, and the server closes the TCP connection first (§7.1.1).
demo-websocket-mask-from-seed = { $mask } (from --seed)
demo-websocket-frame-title = Frame { $n } · { $from } → { $to }
demo-websocket-masking = Masked data is the original bytes XORed with the masking key, cycling through its 4 bytes. The point is not encryption but stopping an attack in which a caching proxy in between mistakes a frame for an HTTP request (cache poisoning, §10.3).
demo-websocket-http2 = Over HTTP/2 there is no 101: one extended CONNECT request (:protocol = websocket) turns one stream into a WebSocket channel (RFC 8441). RFC 9220 defines the same for HTTP/3.
demo-websocket-step-compare = 4. The same events four ways (virtual clock)
demo-websocket-compare-intro = { $count } server events: { $times }. One-way delay { $one_way } ms, polling interval { $poll } s, long-polling hold { $hold } s, { $span } s in all.
demo-websocket-col-method = method
demo-websocket-col-requests = requests sent
demo-websocket-col-latency = mean delivery delay
demo-websocket-col-held = connections held
demo-websocket-compare-summary-label = Summary
demo-websocket-compare-summary = Polling sends requests even when nothing happens, and its mean delay is about half the interval. Long polling holds a request at the server, so the delay is close to one way, but every event costs a request. With SSE the server keeps writing to one HTTP response held open (one way); with WebSocket both sides exchange frames over the same single connection (both ways).
