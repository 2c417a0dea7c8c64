# Exercises answered by the congestion control model (synack demo congestion).

exercise-congestion-after-loss-title = cwnd and ssthresh after a loss: Reno and Tahoe, three duplicate ACKs and a timeout (RFC 5681)
exercise-congestion-event-dupack = three duplicate ACKs arrive
exercise-congestion-event-timeout = the retransmission timer expires (RTO)
exercise-congestion-after-loss-question = A TCP { $algorithm } sender has cwnd = { $cwnd } segments in flight when { $event }. What are the new cwnd and ssthresh, in segments ("cwnd, ssthresh"; for Reno the cwnd right after the third duplicate ACK, entering fast recovery)?
exercise-congestion-after-loss-why-timeout = RTO: ssthresh = max(FlightSize/2, 2), cwnd = 1 (the loss window), slow start again (RFC 5681 §3.1)
exercise-congestion-after-loss-why-tahoe = Tahoe has no fast recovery: duplicate ACKs too set ssthresh = max(FlightSize/2, 2), cwnd = 1, and slow start again
exercise-congestion-after-loss-why-reno = Reno fast retransmit: ssthresh = max(FlightSize/2, 2) = { $ssthresh }; entering fast recovery, cwnd = ssthresh + 3·SMSS = { $cwnd } (RFC 5681 §3.2 steps 2–4; when recovery ends, cwnd = ssthresh)

exercise-congestion-slow-start-title = Slow start: cwnd × 2 each RTT, then +1 each RTT from ssthresh (RFC 5681 §3.1)
exercise-congestion-slow-start-unbounded = ssthresh unbounded
exercise-congestion-slow-start-question = A TCP Reno connection without losses starts with cwnd = 1 segment ({ $limit }). What is cwnd, in segments, after { $rtts ->
    [one] 1 RTT
   *[other] { $rtts } RTTs
 }?
exercise-congestion-slow-start-explanation = Slow start: cwnd × 2 each RTT (up to ssthresh), then congestion avoidance: +1 each RTT. { $path }
