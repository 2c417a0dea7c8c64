# synack demo flow (src/sim/transport/flow.rs)

demo-flow-about = Flow control: a slow reader, the window shrinking to 0, persist-timer probes, the window update
demo-flow-long-about = TCP flow control by the receive window (RFC 9293 §3.8.6): the receiver advertises the free space of its buffer (rwnd); a slow reader lets it fall to 0, the sender stalls, and its persist timer probes the zero window until a window update. --live shows a writer blocking on real loopback sockets with a small SO_RCVBUF.
demo-flow-examples = Examples:
demo-flow-opt-buffer = Receive buffer in bytes (1000 to 64000)
demo-flow-opt-total = Bytes the application sends (1 to 100000)
demo-flow-opt-read = Bytes the slow reader takes per read() (1 to 64000)
demo-flow-opt-interval = Milliseconds between the reader's read()s (10 to 10000)
demo-flow-opt-lose-update = Lose the first window update, so that only a probe finds the open window
demo-flow-opt-live = Real sockets on 127.0.0.1 with a small SO_RCVBUF: the writer blocks
demo-flow-err-no-ip = the listener has no IP address
demo-flow-err-reader-panicked = the reader thread panicked

demo-flow-title-run = Flow control: receive buffer { $buffer } B, { $total } B to send, reads of { $read } B every { $interval } ms
demo-flow-intro = The receiver advertises the free space of its buffer as the receive window (rwnd), and the sender keeps the unacknowledged bytes (in flight) within rwnd (RFC 9293 §3.8.6). When the reader is slow, the buffer fills, rwnd drops to 0 (zero window) and the sender stops.
demo-flow-persist = With rwnd at 0 and data left to send, the sender sets the persist timer (from { $ms } ms, doubling) and sends zero window probes, so that a lost window update announcing the open window cannot deadlock the connection (RFC 9293 §3.8.6.1, RFC 1122 §4.2.2.17). Like Linux, this demo's probe carries no new data and only draws an ACK (the RFC allows it to carry 1 byte).
demo-flow-persist-fired = Persist timer expired: rwnd 0, in flight { $in_flight } B
demo-flow-update-lost = Lost: this window update never arrives (--lose-update)
demo-flow-update = Window update: the window opened to { $rwnd } B
demo-flow-zero-window = Zero window: the buffer is full, the sender stops
demo-flow-free-space = Free buffer space { $free } / { $buffer } B
demo-flow-col-total-time = Total time
demo-flow-col-zero-window = Time at zero window
demo-flow-col-sent = Bytes sent
demo-flow-result = Result
demo-flow-live-title = Flow control (live): a small SO_RCVBUF on 127.0.0.1, a receiver that does not read
demo-flow-live-intro = Buffer size asked for: SO_RCVBUF = SO_SNDBUF = { $buffer } B (set on the receiving socket before listen(); the kernel may round it up, and Linux doubles it). Data to send: { $total } B. While the receiver does not read, the sender writes with non-blocking write().
demo-flow-live-blocked = Both the send buffer and the receive buffer are full: the receiver advertises rwnd 0, and on a blocking socket write() would stop here. (How many bytes were written by now depends on the kernel's buffer sizes and is not shown.)
demo-flow-live-all-written = write() succeeded to the end
demo-flow-live-all-written-note = This kernel's buffers were big enough to hold all the data.
demo-flow-live-read = read() starts
demo-flow-live-read-note = As the receiver reads, the buffer empties, a window update opens the window and the sender writes on.
demo-flow-live-received = Bytes received { $delivered } / { $total } B
demo-flow-live-received-note = Flow control loses no data: it only makes the sender wait.
