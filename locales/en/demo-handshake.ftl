# synack demo handshake (src/sim/transport/handshake.rs)

demo-handshake-about = TCP connection setup and teardown (RFC 9293): 3-way handshake, 4-way close, TIME-WAIT, loss and RST
demo-handshake-examples = Examples:
demo-handshake-opt-scenario = What to show
demo-handshake-opt-isn-client = The client's initial sequence number (default: drawn from --seed between 1000 and 4999, small so that +1 shows at a glance; real stacks draw from the whole 32-bit space, RFC 6528)
demo-handshake-opt-isn-server = The server's initial sequence number (default: drawn from --seed between 5000 and 9999)
demo-handshake-opt-relative = Show SEQ and ACK relative to each side's ISN, as Wireshark does (the SYN is 0, the first data byte 1); the JSON keeps absolute numbers
demo-handshake-opt-call = How the client closes in half-close: shutdown (SHUT_WR, it still reads and ACKs the server's data) or close (it reads no more: Linux answers the server's next data with RST, and the server's write gets EPIPE)
demo-handshake-opt-drop = Lose the K-th segment put on the wire (1-based, retransmissions count)
demo-handshake-opt-msl = Maximum segment lifetime in seconds; TIME-WAIT lasts 2×MSL (RFC 9293: 2 minutes)
demo-handshake-call-close = close(): no more sending and no more reading
demo-handshake-call-shutdown = shutdown(SHUT_WR): no more sending; reading goes on
demo-handshake-scenario-open = The 3-way handshake
demo-handshake-scenario-close = 3-way handshake, then the 4-way close and TIME-WAIT
demo-handshake-scenario-close-piggyback = The close in 3 segments: the server's ACK rides on its FIN
demo-handshake-scenario-simultaneous-open = Both ends send SYN at once (RFC 9293 Fig. 7)
demo-handshake-scenario-simultaneous-close = Both ends send FIN at once: CLOSING
demo-handshake-scenario-syn-lost = The first SYN is lost: RTO and retransmission
demo-handshake-scenario-synack-lost = The SYN,ACK is lost: both ends retransmit
demo-handshake-scenario-final-ack-lost = The client's last ACK is lost: why TIME-WAIT exists
demo-handshake-scenario-closed-port = A SYN to a port nobody listens on: RST, connection refused
demo-handshake-scenario-two-way = Why two messages are not enough: an old duplicate SYN
demo-handshake-scenario-half-close = The client closes its sending side, the server keeps sending (see --call)

demo-handshake-err-not-settled = the simulation did not settle after { $count } events
demo-handshake-err-drop-too-far = --drop { $k }: the { $scenario } scenario puts only { $wire } segments on the wire

demo-handshake-intro-open = 3-way handshake: SYN → SYN,ACK → ACK. Each side must have its ISN acknowledged by the other before the sequence numbers of both directions are synchronized.
demo-handshake-intro-close = 4-way close: the client closes first (active close) and goes FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT → CLOSED; the server goes CLOSE-WAIT → LAST-ACK → CLOSED (passive close).
demo-handshake-intro-close-piggyback = 3-segment close: when the server calls close() as soon as the FIN arrives, its delayed ACK rides on its own FIN as a single FIN,ACK. The client skips FIN-WAIT-2: FIN-WAIT-1 → TIME-WAIT (the usual shape on real stacks).
demo-handshake-intro-simultaneous-open = Simultaneous open: both ends send a SYN at the same time (no listener). SYN-SENT → SYN-RECEIVED → ESTABLISHED (RFC 9293 Fig. 7).
demo-handshake-intro-simultaneous-close = Simultaneous close: both ends send a FIN at the same time. FIN-WAIT-1 → CLOSING → TIME-WAIT; both ends go through TIME-WAIT.
demo-handshake-intro-syn-lost = The first SYN is lost: the client retransmits it after the RTO (initially 1 s, RFC 6298) and doubles the RTO (exponential backoff).
demo-handshake-intro-synack-lost = The SYN,ACK is lost: neither the client's SYN nor the server's SYN,ACK is acknowledged, so each side retransmits after its RTO.
demo-handshake-intro-final-ack-lost = The last ACK of the close is lost: the server retransmits its FIN from LAST-ACK, and the client, still in TIME-WAIT, ACKs it again.
demo-handshake-intro-closed-port = A SYN to a port nobody listens on: the server answers <SEQ=0><ACK=ISN+1><CTL=RST,ACK> and the client gets "connection refused".
demo-handshake-intro-two-way = Why a 2-way handshake is not enough. With an imaginary 2-way handshake (SYN and SYN,ACK only), one old duplicate SYN from an earlier connection, delayed in the network, would make the server open a connection and hold resources at once (the client never asked for it: half-open). In the 3-way handshake the client decides the third message, so it answers the SYN,ACK it does not know with RST and the server goes back to LISTEN. Then, once the real connection is open, old duplicate data from the earlier connection arrives: with random ISNs it falls outside the window and is dropped; with ISNs fixed by --isn-client/--isn-server (the earlier connection used the same ISNs) it lands inside the window and is accepted as data of the new connection.
demo-handshake-intro-half-close = Half-close: the client sends its FIN with shutdown(SHUT_WR); while it sits in FIN-WAIT-2 the server, in CLOSE-WAIT, keeps sending data, and the client receives and ACKs it. Then the server closes. With --call close the same data draws a RST.
demo-handshake-intro-half-close-call-close = Half-close done with close(): the client sends its FIN with close(), and while it sits in FIN-WAIT-2 the server sends data from CLOSE-WAIT. A socket that called close() reads no more, so Linux answers that data with RST, and the server's next write() fails with EPIPE. Compare with --call shutdown.

demo-handshake-minutes = { $n } min

demo-handshake-old-duplicate-data = Old duplicate data from an earlier connection: a segment that stayed in the network until late now reaches the server (the current client never sent it).
demo-handshake-old-duplicate-syn = Old duplicate SYN from an earlier connection: a segment that stayed in the network until late now reaches the server (the current client never sent it).
demo-handshake-passive-open = Passive OPEN: the server opens the port with listen() and waits for a SYN in LISTEN.
demo-handshake-active-open = Active OPEN: connect() sends a SYN and enters SYN-SENT (ISN = { $isn }). The SYN takes one sequence number: SND.NXT = ISS+1 = { $next }.
demo-handshake-write-after-reset = The connection was already reset: write() fails with EPIPE and the process gets SIGPIPE (Linux records EPIPE as the socket error when a RST arrives in CLOSE-WAIT).
demo-handshake-call-error = A call this state ({ $state }) does not allow: "{ $msg }".
demo-handshake-close-deletes = CLOSE: there is no connection yet, so the TCB is deleted and the state is CLOSED.
demo-handshake-shutdown-fin = shutdown(SHUT_WR) closes the sending side only: it sends a FIN (no more data to send) and goes to { $state } (SEQ = { $seq }). The receiving side stays open and keeps reading and ACKing the peer's data.
demo-handshake-close-fin = close(): sends a FIN (no more data to send) and goes to { $state } (active close, SEQ = { $seq }). The FIN takes one sequence number too. close() also ends reading, so data that arrives from now on is answered with RST.
demo-handshake-piggyback = The ACK held back rides on this FIN (piggyback, ACK = { $ack }): a 3-segment close.
demo-handshake-close-from-close-wait = The server application calls close() too: it sends a FIN and waits in LAST-ACK for that FIN's ACK.
demo-handshake-half-close-send = The peer has sent its FIN, but CLOSE-WAIT can still send (half-close).
demo-handshake-send-data = write(): sends { $len } bytes of data (SEQ = { $seq }).
demo-handshake-closed-discards-rst = A RST that reaches CLOSED is discarded (a RST is never answered with a RST).
demo-handshake-closed-resets-ack = The { $side } is CLOSED and does not know this connection: it sends a RST that takes SEG.ACK as its SEQ, meaning "no such connection" (<SEQ={ $seq }><CTL=RST>).
demo-handshake-closed-resets = This port is CLOSED (no listener): a segment without ACK is answered with <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> (ACK = { $ack }).
demo-handshake-listen-ignores-rst = A RST in LISTEN is ignored.
demo-handshake-listen-resets-ack = A segment with ACK cannot be valid in LISTEN: it is answered with <SEQ=SEG.ACK><CTL=RST>.
demo-handshake-listen-syn-old = The server cannot tell that this SYN is an old duplicate: with a 2-way handshake the connection would be open right here.
demo-handshake-listen-syn = SYN received: IRS = { $irs }, RCV.NXT = { $rcv }. It sends a SYN,ACK with its own ISN and goes to SYN-RECEIVED (ISS = { $iss }; ACK = { $ack }: "got your SYN").
demo-handshake-listen-drops = In LISTEN, a segment that is not a SYN is dropped.
demo-handshake-syn-sent-bad-ack = In SYN-SENT, but this ACK is not for our SYN (ACK = { $ack }): it belongs to an earlier connection, so it is refused with <SEQ=SEG.ACK><CTL=RST>.
demo-handshake-syn-sent-bad-ack-rst = A wrong ACK that also carries RST is simply dropped.
demo-handshake-syn-sent-refused = RST,ACK received: the peer's port has no listener. SYN-SENT → CLOSED, and connect() fails with "connection refused" (ECONNREFUSED).
demo-handshake-syn-sent-drops-rst = A RST without ACK is dropped in SYN-SENT.
demo-handshake-syn-sent-drops = In SYN-SENT, a segment with neither SYN nor RST is dropped (ACK = { $ack }): what it waits for is the peer's SYN.
demo-handshake-syn-sent-synack = SYN,ACK received: our SYN is acknowledged (ACK = { $ack }) and the peer's ISN is now known (IRS = { $irs }). It goes to ESTABLISHED and sends the third segment, the ACK (ACK = { $sent_ack }).
demo-handshake-syn-sent-syn = A SYN without ACK received in SYN-SENT = simultaneous open: it goes to SYN-RECEIVED and sends its SYN again as a SYN,ACK (SEQ = ISS = { $seq }, ACK = { $ack }).
demo-handshake-simultaneous-synack = The SYN of the peer's SYN,ACK was already received, and its ACK acknowledges our SYN: SYN-RECEIVED → ESTABLISHED. Neither side needs to send a separate ACK.
demo-handshake-time-wait-fin-again = A retransmitted FIN received in TIME-WAIT: our last ACK was lost. It sends the ACK again and restarts the 2MSL timer (expires in { $two_msl }, at { $at }).
demo-handshake-fin-again = A FIN already received came again: the ACK is sent again.
demo-handshake-syn-again = The retransmitted SYN was already received, so it is outside the receive window (SEQ = { $seq }): as the RFC says, only an ACK is sent (<SEQ=SND.NXT><ACK=RCV.NXT>). Linux retransmits its SYN,ACK at once here.
demo-handshake-ack-ratelimit = No ACK is sent in reply: one was already sent within { $ms }ms (against ACK loops on out-of-window segments, RFC 5961 7, Linux tcp_invalid_ratelimit).
demo-handshake-unacceptable = A segment outside the receive window (SEQ = { $seq }, the window starts at RCV.NXT = { $rcv }): it is not accepted, and an ACK with the current position is sent.
demo-handshake-unacceptable-rst = A RST outside the window is silently dropped (blind reset protection).
demo-handshake-rst-to-listen = RST received: this SYN-RECEIVED came from a passive OPEN, so the half-open connection is dropped and the state goes back to LISTEN. The resources it held (the TCB) are freed.
demo-handshake-rst-refused = RST received: this SYN-RECEIVED came from an active OPEN, so the state goes to CLOSED ("connection refused").
demo-handshake-reset-close-wait = RST received (SEQ = RCV.NXT): "connection reset", the state goes to CLOSED. It comes from sending data to a socket the peer closed; this socket's next write() gets EPIPE.
demo-handshake-reset = RST received (SEQ = RCV.NXT): "connection reset", the state goes to CLOSED.
demo-handshake-challenge-rst = The RST is inside the window but not at RCV.NXT: the connection stays up and a challenge ACK is sent.
demo-handshake-challenge-syn = A SYN received on a synchronized connection: the connection stays up and a challenge ACK is sent.
demo-handshake-no-ack = A segment without the ACK bit is dropped.
demo-handshake-syn-received-bad-ack = An unacceptable ACK in SYN-RECEIVED: it is answered with <SEQ=SEG.ACK><CTL=RST>.
demo-handshake-ack-ahead = An ACK for data never sent (ACK = { $ack } > SND.NXT): it is dropped, and an ACK with the current position is sent.
demo-handshake-out-of-order = Out-of-order data (SEQ = { $seq }, RCV.NXT expected = { $rcv }). It is inside the window, so it is kept rather than dropped, and a duplicate ACK pointing at the gap is sent at once (RFC 5681 4.2; Linux adds a SACK block).
demo-handshake-data-after-close = Data arrived on a socket that called close(): no application will read it, so a RST tells the peer the data was discarded, and the state goes to CLOSED (Linux: TCPAbortOnData). After shutdown(SHUT_WR) it would have been received and ACKed.
demo-handshake-syn-received-ack = The third segment, the ACK, received (ACK = { $ack } = ISS+1): SYN-RECEIVED → ESTABLISHED. Both ISNs are now acknowledged.
demo-handshake-syn-received-ack-fin = The ACK acknowledges our SYN: ESTABLISHED, and the FIN in the same segment moves straight on to CLOSE-WAIT. The FIN is ACKed.
demo-handshake-fin-delayed-ack = FIN received: the peer has nothing more to send. The state goes to CLOSE-WAIT. The ACK is held back for a moment as a delayed ACK (ACK = { $ack }; if the application calls close() soon, it rides on the FIN).
demo-handshake-fin = FIN received: the peer has no more data to send. The state goes to CLOSE-WAIT and the FIN is ACKed (ACK = { $ack }: the FIN takes one sequence number). The application sees EOF from read().
demo-handshake-fin-wait-1-fin-acked = FIN,ACK received: the peer's FIN also ACKs our FIN (ACK = { $ack }). It skips FIN-WAIT-2, goes to TIME-WAIT, sends the last ACK and starts the 2MSL ({ $two_msl }) timer.
demo-handshake-fin-wait-1-fin = The peer's FIN arrives before our FIN is ACKed = simultaneous close: the state goes to CLOSING and the FIN is ACKed.
demo-handshake-fin-wait-1-acked = Our FIN is ACKed: on to FIN-WAIT-2, which waits for the peer's FIN (the peer may still send data).
demo-handshake-fin-wait-2-fin = The peer's FIN received: the state goes to TIME-WAIT, the last ACK is sent (ACK = { $ack }) and the 2MSL ({ $two_msl }) timer starts.
demo-handshake-closing-acked = The ACK of our FIN received in CLOSING: on to TIME-WAIT, the 2MSL ({ $two_msl }) timer starts.
demo-handshake-last-ack-acked = The last ACK received: LAST-ACK → CLOSED, the TCB is deleted. The passive closer does not go through TIME-WAIT.
demo-handshake-data-old = ✗ The old duplicate landed inside the window (SEQ = RCV.NXT) and was accepted as data of the new connection: what fixed ISNs lead to.
demo-handshake-data-fin-wait-2 = Data is still received in FIN-WAIT-2 (half-close).
demo-handshake-data = { $len } bytes of data received and ACKed (RCV.NXT is now { $rcv }, including any out-of-order data held before).
demo-handshake-ack = ACK received: no change of state.
demo-handshake-time-wait-expired = The 2MSL timer expired: TIME-WAIT → CLOSED. A new connection with the same 4-tuple is now safe.
demo-handshake-retransmit = RTO of { $rto } expired: no ACK came, so the same segment is retransmitted (SEQ = { $seq }). The RTO doubles to { $next_rto } (exponential backoff, RFC 6298 5.5); the next expiry is due at { $at }. The ACK of this segment will not shrink the RTO (Karn's rule, RFC 6298 3, 5).
demo-handshake-delayed-ack = The delayed-ACK timer expired: no segment to ride on, so a bare ACK is sent.
demo-handshake-nothing-to-do = Nothing to do.
demo-handshake-lost = ✗ This segment is lost in the network (number { $no } put on the wire).

demo-handshake-title-run = TCP connection setup and teardown (RFC 9293): { $scenario }
demo-handshake-isn-given = given
demo-handshake-isn-seeded = from the seed
demo-handshake-label-numbers = Numbers
demo-handshake-relative-note = --relative: SEQ and ACK are shown relative to each side's ISN (as Wireshark does: the SYN is 0, the first data byte 1). The JSON keeps absolute numbers.
demo-handshake-label-channel = Channel
demo-handshake-channel = one way { $one_way }ms (RTT { $rtt }ms), initial RTO { $rto } (RFC 6298), MSL { $msl } → TIME-WAIT 2×MSL = { $two_msl }
demo-handshake-label-loss = Loss
demo-handshake-loss = segment { $list } put on the wire (counting from 1, retransmissions included)

demo-handshake-syn-col-retransmission = Retransmission
demo-handshake-syn-col-old-linux = Older Linux
demo-handshake-syn-title = SYN retransmission times (from the first SYN, in seconds); this simulation follows RFC 6298
demo-handshake-syn-give-up = Give up
demo-handshake-syn-give-up-rfc = 3 min or more (RFC 9293 R2)

demo-handshake-result = Result
demo-handshake-result-text = Client { $client }, server { $server }. Took { $time }; { $wire } segments put on the wire ({ $retransmissions } retransmitted).
demo-handshake-transitions = State transitions
demo-handshake-col-time = Time
demo-handshake-col-transition = Transition
demo-handshake-col-cause = Cause
demo-handshake-tool-names = How the tools write this run's states
demo-handshake-notes = Notes
demo-handshake-note-retransmit = • Retransmission timer: { $list }. Initial RTO 1 s (RFC 6298 2.1), doubled on each expiry (exponential backoff, 5.5); the ACK of a retransmitted segment is no RTT sample and does not bring the RTO back (Karn's rule, 3 and 5). For data, Linux uses tcp_rto_min = 200ms as the RTO floor instead of the RFC's 1 s.
demo-handshake-note-syn-linear = • Recent kernels with tcp_syn_linear_timeouts (Linux 6.x, default 4) retransmit the SYN at 1-second intervals before they start doubling. Older kernels double from 1 s, retransmit tcp_syn_retries=6 times and give up after about 127 s. `sysctl net.ipv4.tcp_syn_linear_timeouts` tells which one you have.
demo-handshake-note-synack-retries = • On Linux, SYN,ACK retransmissions follow tcp_synack_retries (default 5) and double from 1 s; linear timeouts apply only to the side that sends the SYN.
demo-handshake-note-time-wait = • { $who } RFC 9293: MSL 2 min → 2×MSL = 4 min (this run: --msl { $msl } → { $two_msl }). Linux's TIME-WAIT is fixed at { $linux }s (TCP_TIMEWAIT_LEN, shown by `ss -tan state time-wait`).
demo-handshake-note-time-wait-both = In a simultaneous close both ends are active closers, so both go through TIME-WAIT.
demo-handshake-note-time-wait-active = Only the end that closed first (the active closer) goes through TIME-WAIT.
demo-handshake-note-final-ack-lost = • Why TIME-WAIT exists: (1) if the last ACK is lost, the peer retransmits its FIN, and a TCB must still be there to ACK it again (were it CLOSED, a RST would go back and the peer would end with an error). (2) Waiting 2MSL lets delayed old duplicates of this connection die out of the network, so the next connection with the same 4-tuple does not receive them.
demo-handshake-note-closed-port = • A port without a listener: connect() gets RST,ACK and fails with ECONNREFUSED. (If a firewall silently drops the SYN, there is no RST: the RTO retransmissions end in a timeout.)
demo-handshake-note-two-way-accepted = • ✗ Old duplicate data got into the new connection (the server received { $bytes } bytes the client never sent). When ISNs are fixed or predictable, an earlier connection's numbers land in the new connection's window: that is why ISNs are chosen to be unpredictable (RFC 6528).
demo-handshake-note-two-way-dropped = • The old duplicate data fell outside the window and was dropped: the earlier connection's ISN, chosen at another time, was a quite different value (RFC 6528), so its numbers do not land in the new connection's window. See what happens when you fix the ISNs with --isn-client N --isn-server M (the earlier connection then used the same ISNs).
demo-handshake-note-simultaneous-open = • Simultaneous open is rare but the RFC requires it (MUST-10). One connection, four segments.
demo-handshake-note-half-close-call-close = • close() and shutdown(SHUT_WR) send the same FIN, but the end that called close() stops reading too. Data that arrives afterwards draws a RST (RFC 1122 4.2.2.13), and the sender sees ECONNRESET/EPIPE. With data still to receive, call shutdown(SHUT_WR), read until EOF, then close().
demo-handshake-note-half-close = • shutdown(SHUT_WR) closes the sending direction only: in FIN-WAIT-2 the client still receives and ACKs the server's data. With --call close the same data draws a RST.
demo-handshake-drop-same-time = it ends at the same time as without the loss
demo-handshake-drop-later = it ends { $delay } later than without the loss
demo-handshake-drop-earlier = it ends { $delay } earlier than without the loss
demo-handshake-drop-counts = { $wire } segments on the wire ({ $wire_base } without the loss), { $retransmissions } of them retransmissions ({ $retransmissions_base } without the loss)
demo-handshake-drop-same-path = • --drop { $k }: segment { $k } is lost{ $what }, and the path of states stays the same. { $timing }; { $counts }.
demo-handshake-drop-new-path = • --drop { $k }: segment { $k } is lost{ $what }, and the path of states changes. { $timing }; { $counts }.
demo-handshake-drop-path = { $side }: { $now } (without the loss: { $before })

# Event names in the diagram (the JSON's event stays as it is).
demo-handshake-tag-arrives = { $flags } arrives
demo-handshake-tag-rto-fired = RTO fired
demo-handshake-tag-2msl-expired = 2MSL expired
demo-handshake-tag-delayed-ack = delayed-ACK timer
demo-handshake-tag-write = write() { $n } bytes
