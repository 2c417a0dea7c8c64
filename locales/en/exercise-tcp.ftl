# Exercises answered by the TCP state machine (synack demo handshake).

exercise-segment-client-syn = the client's SYN
exercise-segment-server-synack = the server's SYN+ACK
exercise-segment-client-ack = the client's final ACK
exercise-isn-client = the client's ISN
exercise-isn-server = the server's ISN
exercise-nothing-sent = none sent

exercise-handshake-ack-number-title = ACK numbers of the 3-way handshake (ISN + 1, mod 2^32)
exercise-handshake-ack-number-question = In a 3-way handshake the client's ISN is { $client } and the server's is { $server }. What is the acknowledgment number of { $segment }? (mod 2^32)
exercise-handshake-ack-number-explanation = The acknowledgment number is the next sequence number expected. A SYN takes one sequence number, so it is { $isn } + 1 = { $ack } (wrapping at 2^32). Segment: { $segment }

exercise-handshake-seq-number-title = Sequence numbers of the 3-way handshake
exercise-handshake-seq-number-question = In a 3-way handshake the client's ISN is { $client } and the server's is { $server }. What is the sequence number of { $segment }? (mod 2^32)
exercise-handshake-seq-number-why-syn = A SYN carries its sender's own ISN
exercise-handshake-seq-number-why-synack = The SYN+ACK carries the server's own ISN
exercise-handshake-seq-number-why-ack = The client's SYN took one sequence number, so the client ISN + 1
exercise-handshake-seq-number-explanation = { $why }: { $seq }. Segment: { $segment }

exercise-handshake-next-state-title = TCP state transitions: the next state and the segment sent (RFC 9293)
exercise-handshake-next-state-question = A TCP endpoint in { $state } gets '{ $event }'. What is its next state, and which segment (control bits) does it send? e.g. ESTABLISHED, ACK (or: none)
exercise-handshake-next-state-explanation = { $state } + { $event } → { $next }: { $cause } ({ $section }). Segment sent: { $segment }

exercise-tcp-fin-ack-number-title = The ACK number of a FIN: SYN and FIN take one sequence number each
exercise-tcp-fin-ack-number-question = The client's ISN is { $client }. After the handshake it sends { $bytes } bytes of data and closes. What acknowledgment number does the server's ACK of that FIN carry? (mod 2^32)
exercise-tcp-fin-ack-number-explanation = SYN 1 + data { $bytes } + FIN 1: ISN + { $plus } = { $ack } (SYN and FIN take one sequence number each, RFC 9293 3.3.1). FIN: { $fin_segment }, ACK: { $ack_segment }

exercise-tcp-time-wait-title = How long TIME-WAIT lasts (2×MSL)
exercise-tcp-time-wait-question = With an MSL of { $msl } seconds, how many seconds does the side that closed first stay in TIME-WAIT?
exercise-tcp-time-wait-explanation = TIME-WAIT lasts 2×MSL = { $secs } s (RFC 9293 3.10.8): if the last ACK is lost and the FIN comes again, it is acknowledged again, and old segments of the connection die out meanwhile.

exercise-tcp-rto-backoff-title = SYN retransmission and the RTO's exponential backoff (RFC 6298)
exercise-tcp-rto-backoff-question = After sending a SYN, the retransmission timer expired { $count ->
    [one] once
   *[other] { $count } times
 } with no answer. What is the RTO now, in ms? (initial RTO 1000 ms, upper bound 60000 ms)
exercise-tcp-rto-backoff-explanation = The RTO doubles at each expiry (exponential backoff, RFC 6298 5.5), up to 60 s (2.5): min(1000 × 2^{ $count }, 60000) = { $rto } ms
