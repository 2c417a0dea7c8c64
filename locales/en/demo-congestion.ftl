# synack demo congestion (src/sim/transport/congestion.rs)

demo-congestion-about = cwnd and ssthresh per RTT: slow start, AIMD, fast retransmit/recovery, timeout
demo-congestion-long-about = TCP congestion control one RTT at a time, in segments: slow start, congestion avoidance (AIMD), fast retransmit and fast recovery (RFC 5681), NewReno's partial ACKs (RFC 6582) and CUBIC (RFC 9438). IW is 1 segment.
demo-congestion-examples = Examples:
demo-congestion-opt-algorithm = The congestion control algorithm
demo-congestion-opt-loss-at = The RTTs (rounds, from 1) in which a segment is lost; list one twice for two losses in that window
demo-congestion-opt-loss = How the sender learns of the loss: three duplicate ACKs, or the retransmission timer
demo-congestion-opt-rtts = How many RTTs to show (1 to 60)
demo-congestion-opt-ssthresh = Initial ssthresh in segments (at least 2) [default: unbounded]
demo-congestion-algorithm-tahoe = Every loss: cwnd back to 1 segment, slow start again
demo-congestion-algorithm-reno = Fast retransmit and fast recovery (RFC 5681)
demo-congestion-algorithm-newreno = Reno that stays in fast recovery across partial ACKs (RFC 6582)
demo-congestion-algorithm-cubic = cwnd follows a cubic function of the time since the last loss (RFC 9438)
demo-congestion-loss-dupack = Three duplicate ACKs (fast retransmit)
demo-congestion-loss-timeout = The retransmission timer expires
demo-congestion-err-loss-at = --loss-at { $rtt }: only { $rtts } RTTs are shown (--rtts)

demo-congestion-explain-tahoe = Tahoe: on any loss (three duplicate ACKs or a timeout) it sets ssthresh = max(FlightSize/2, 2), puts cwnd back to 1 segment and starts over with slow start.
demo-congestion-explain-reno = Reno (RFC 5681): on three duplicate ACKs it does a fast retransmit, sets ssthresh = max(FlightSize/2, 2) and enters fast recovery with cwnd = ssthresh + 3; when the ACK of new data arrives it deflates cwnd to ssthresh and goes on with congestion avoidance (AIMD: +1 per RTT, halved per loss). On a timeout it restarts slow start from cwnd = 1.
demo-congestion-explain-newreno = NewReno (RFC 6582): like Reno, but when one window loses several segments it stays in fast recovery, retransmitting the next hole on each partial ACK. The window is cut only once (list the same RTT twice in --loss-at to see the difference).
demo-congestion-explain-cubic = CUBIC (RFC 9438): on a loss it remembers W_max = cwnd and cuts cwnd = ssthresh = 0.7·W_max, then grows along W_cubic(t) = C·(t − K)³ + W_max (C = 0.4, K = ∛(W_max·(1 − β)/C)): slowly near W_max, faster away from it. It also computes W_est (the Reno-friendly region) so as never to be slower than Reno. In this model one RTT is 1 second.
demo-congestion-title-run = Congestion control: { $algorithm } (loss: RTT { $losses }, { $how })
demo-congestion-how-dupack = three duplicate ACKs
demo-congestion-how-timeout = timeout
demo-congestion-units = Units are segments (SMSS). Simplified: IW = 1 segment (RFC 5681 allows 2–4, Linux uses 10), slow start doubles every RTT up to ssthresh, congestion avoidance adds 1 per RTT. Without --ssthresh the initial ssthresh is unbounded (RFC 5681: arbitrarily high).
demo-congestion-chart-title = cwnd and ssthresh per RTT (segments)
demo-congestion-chart-y = segments
demo-congestion-col-phase = Phase
demo-congestion-col-event = Event
demo-congestion-event-dupack = 3 dup ACKs
demo-congestion-event-timeout = timeout
demo-congestion-why-cubic-dupack = Three duplicate ACKs: fast retransmit, ssthresh = max(0.7·cwnd, 2) = 0.7·{ $flight } = { $ssthresh }, cwnd = ssthresh = { $cwnd } (RFC 9438 §4.6)
demo-congestion-why-cubic-timeout = Timeout: ssthresh = 0.7·{ $flight } = { $ssthresh }, cwnd = 1 (RFC 9438 §4.8, RFC 5681 §3.1), slow start
demo-congestion-why-tahoe-dupack = Three duplicate ACKs: fast retransmit, ssthresh = max({ $flight }/2, 2) = { $ssthresh }; Tahoe puts cwnd back to 1 and does slow start
demo-congestion-why-timeout = Timeout: ssthresh = max(FlightSize/2, 2) = max({ $flight }/2, 2) = { $ssthresh }, cwnd = 1 (RFC 5681 §3.1), slow start
demo-congestion-why-dupack = Three duplicate ACKs: fast retransmit, ssthresh = max(FlightSize/2, 2) = max({ $flight }/2, 2) = { $ssthresh }, fast recovery entered with cwnd = ssthresh + 3 = { $cwnd } (RFC 5681 §3.2)
demo-congestion-why-partial-ack = Partial ACK: the next hole is retransmitted and the sender stays in fast recovery, cwnd ≈ ssthresh = { $cwnd } (RFC 6582 §3.2)
demo-congestion-why-new-ack = ACK of new data: fast recovery ends with cwnd = ssthresh = { $cwnd } (deflate, RFC 5681 §3.2 step 6)
demo-congestion-why-to-ca = cwnd reaches ssthresh: on to congestion avoidance (cwnd = { $cwnd })
