# synack demo tcp-vs-udp (src/sim/transport/tcp_vs_udp.rs)

demo-tcp-vs-udp-about = TCP against UDP on real loopback sockets: byte stream vs datagrams, handshake, connect() on UDP, loss
demo-tcp-vs-udp-examples = Examples:
demo-tcp-vs-udp-opt-drop = Which of the three datagrams the simulated loss takes (1 to 3)
demo-tcp-vs-udp-err-short = TCP: only { $seen } of { $n } bytes arrived on loopback within { $timeout }

demo-tcp-vs-udp-title-run = TCP and UDP: the same three messages over real loopback sockets (127.0.0.1)
demo-tcp-vs-udp-intro = Server and client both open ports the OS picks on 127.0.0.1, and the screen shows roles instead of port numbers. TCP sets up a connection and exchanges a stream of bytes; UDP sends each datagram on its own, without a connection.
demo-tcp-vs-udp-tcp-heading = TCP: connection setup, then a byte stream
demo-tcp-vs-udp-connect-note = connect() returns only once the 3-way handshake is done (RFC 9293 §3.5). The kernel sends the three segments below; capturing them needs privileges, so here they are inferred from connect() returning.
demo-tcp-vs-udp-accept = accept(): one connection
demo-tcp-vs-udp-data-note = TCP does not carry send() boundaries: Nagle and the MSS decide the number of segments, and the receiver has only bytes in order.
demo-tcp-vs-udp-tcp-recv = recv() #1: { $data } ({ $n } bytes)
demo-tcp-vs-udp-tcp-recv-note = What was sent three times comes out of one recv(), joined: to split messages the application must add lengths or delimiters itself (like HTTP's Content-Length).
demo-tcp-vs-udp-udp-heading = UDP: no connection, a datagram stays a datagram
demo-tcp-vs-udp-sendto-at-once = sendto() right after socket()
demo-tcp-vs-udp-no-handshake = No handshake: zero segments go before the first datagram (RFC 768 has no notion of a connection).
demo-tcp-vs-udp-udp-recv = recv() #{ $i }: { $data } ({ $n } bytes)
demo-tcp-vs-udp-label-boundary = Boundaries
demo-tcp-vs-udp-boundary = One recv() is one datagram: three sends, three receives. In exchange, order, delivery and the absence of duplicates are not guaranteed.
demo-tcp-vs-udp-loss-heading = UDP: when datagram { $k } is lost (simulated)
demo-tcp-vs-udp-lost-note = Lost on the way (simulated by this demo not sending it)
demo-tcp-vs-udp-loss-recv = { $count } recv() calls: { $data }
demo-tcp-vs-udp-loss-note = No ACK and no retransmission: the lost datagram simply never comes, and to notice it the application must number its messages (as RTP, QUIC and DNS retries do).
demo-tcp-vs-udp-unexpected = { $n } bytes (an unexpected reply)
demo-tcp-vs-udp-nothing = nothing came (timeout)
demo-tcp-vs-udp-connect-heading = connect() on UDP: it only fixes the peer; no packet is sent
demo-tcp-vs-udp-closed-port = closed port
demo-tcp-vs-udp-sendto-unconnected = sendto("ping"), without connect()
demo-tcp-vs-udp-unconnected-note = An unconnected UDP socket does not report ICMP errors to the application: the socket cannot tell which peer's datagram the error belongs to.
demo-tcp-vs-udp-connect-closed = connect(closed port)
demo-tcp-vs-udp-connect-closed-note = No segment: the kernel only remembers the peer's address and from then on accepts datagrams from that peer only.
demo-tcp-vs-udp-refused-note = On a connected UDP socket, the ICMP port unreachable comes up as the error of the next recv() (on Linux loopback, every time). With TCP the same case brings a RST and connect() fails.
demo-tcp-vs-udp-not-refused-note = On this system the ICMP error did not come up to recv(): whether it does depends on the OS and the path; on Linux loopback, ECONNREFUSED comes.
demo-tcp-vs-udp-label-summary = Summary
demo-tcp-vs-udp-summary-text = Handshake segments: TCP 3, UDP 0. Message boundaries: TCP none (byte stream), UDP kept (datagrams). Loss: TCP retransmits, UDP's datagram is simply gone.
