# synack demo congestion (src/sim/transport/congestion.rs)

demo-congestion-about = RTT마다 cwnd와 ssthresh: slow start, AIMD, fast retransmit/recovery, 타임아웃
demo-congestion-long-about = TCP 혼잡 제어를 RTT 하나씩, 세그먼트 단위로 보입니다: slow start, congestion avoidance(AIMD), fast retransmit과 fast recovery(RFC 5681), NewReno의 partial ACK(RFC 6582), CUBIC(RFC 9438). IW는 1 세그먼트입니다.
demo-congestion-examples = 예:
demo-congestion-opt-algorithm = 혼잡 제어 알고리즘
demo-congestion-opt-loss-at = 세그먼트를 잃는 RTT(라운드, 1부터). 한 RTT를 두 번 쓰면 그 창에서 두 번 잃습니다
demo-congestion-opt-loss = 송신자가 손실을 아는 방법: 중복 ACK 세 번, 또는 재전송 타이머
demo-congestion-opt-rtts = 보일 RTT 수 (1~60)
demo-congestion-opt-ssthresh = ssthresh의 처음 값, 세그먼트 단위 (2 이상) [기본값: 제한 없음]
demo-congestion-algorithm-tahoe = 손실마다 cwnd를 1 세그먼트로 되돌리고 slow start부터 다시 합니다
demo-congestion-algorithm-reno = fast retransmit과 fast recovery (RFC 5681)
demo-congestion-algorithm-newreno = partial ACK이 와도 fast recovery에 머무는 Reno (RFC 6582)
demo-congestion-algorithm-cubic = 마지막 손실 뒤 지난 시간의 3차 함수를 따르는 cwnd (RFC 9438)
demo-congestion-loss-dupack = 중복 ACK 세 번 (fast retransmit)
demo-congestion-loss-timeout = 재전송 타이머 만료
demo-congestion-err-loss-at = --loss-at { $rtt }: 보이는 RTT는 { $rtts }개뿐입니다 (--rtts)

demo-congestion-explain-tahoe = Tahoe: 손실을 알면(중복 ACK 세 번이든 타임아웃이든) ssthresh = max(FlightSize/2, 2)로 두고 cwnd를 1 세그먼트로 되돌려 slow start부터 다시 합니다.
demo-congestion-explain-reno = Reno (RFC 5681): 중복 ACK 세 번이면 fast retransmit 후 ssthresh = max(FlightSize/2, 2), cwnd = ssthresh + 3으로 fast recovery에 들어가고, 새 데이터의 ACK이 오면 cwnd = ssthresh로 줄여 congestion avoidance를 이어 갑니다(AIMD: RTT마다 +1, 손실마다 절반). 타임아웃이면 cwnd = 1에서 slow start입니다.
demo-congestion-explain-newreno = NewReno (RFC 6582): Reno와 같되, 한 창에서 여러 세그먼트를 잃었을 때 partial ACK마다 다음 빈자리를 재전송하며 fast recovery에 머뭅니다. 창을 한 번만 줄입니다(같은 RTT를 --loss-at에 두 번 쓰면 차이가 보입니다).
demo-congestion-explain-cubic = CUBIC (RFC 9438): 손실 때 W_max = cwnd를 기억하고 cwnd = ssthresh = 0.7·W_max로 줄인 뒤, W_cubic(t) = C·(t − K)³ + W_max (C = 0.4, K = ∛(W_max·(1 − β)/C))를 따라 W_max 근처에서는 천천히, 멀어지면 빠르게 늘립니다. Reno보다 느려지지 않도록 W_est(Reno-friendly 영역)를 함께 계산합니다. 이 모델에서 RTT 한 번은 1초입니다.
demo-congestion-title-run = 혼잡 제어: { $algorithm } (손실: RTT { $losses }, { $how })
demo-congestion-how-dupack = 중복 ACK 세 번
demo-congestion-how-timeout = 타임아웃
demo-congestion-units = 단위는 세그먼트(SMSS)입니다. IW = 1 세그먼트(RFC 5681은 2–4, Linux는 10), slow start는 RTT마다 두 배로 ssthresh까지, congestion avoidance는 RTT마다 +1로 단순화했습니다. ssthresh의 처음 값은 --ssthresh가 없으면 제한 없음(RFC 5681: arbitrarily high)입니다.
demo-congestion-chart-title = RTT마다 cwnd와 ssthresh (세그먼트)
demo-congestion-chart-y = 세그먼트
demo-congestion-col-phase = 단계
demo-congestion-col-event = 사건
demo-congestion-event-dupack = 중복 ACK 3
demo-congestion-event-timeout = 타임아웃
demo-congestion-why-cubic-dupack = 중복 ACK 세 번: fast retransmit, ssthresh = max(0.7·cwnd, 2) = 0.7·{ $flight } = { $ssthresh }, cwnd = ssthresh = { $cwnd } (RFC 9438 §4.6)
demo-congestion-why-cubic-timeout = 타임아웃: ssthresh = 0.7·{ $flight } = { $ssthresh }, cwnd = 1 (RFC 9438 §4.8, RFC 5681 §3.1), slow start
demo-congestion-why-tahoe-dupack = 중복 ACK 세 번: fast retransmit, ssthresh = max({ $flight }/2, 2) = { $ssthresh }; Tahoe는 cwnd = 1로 되돌려 slow start
demo-congestion-why-timeout = 타임아웃: ssthresh = max(FlightSize/2, 2) = max({ $flight }/2, 2) = { $ssthresh }, cwnd = 1 (RFC 5681 §3.1), slow start
demo-congestion-why-dupack = 중복 ACK 세 번: fast retransmit, ssthresh = max(FlightSize/2, 2) = max({ $flight }/2, 2) = { $ssthresh }, fast recovery 진입 cwnd = ssthresh + 3 = { $cwnd } (RFC 5681 §3.2)
demo-congestion-why-partial-ack = partial ACK: 다음 빈자리를 재전송하고 fast recovery에 머뭅니다, cwnd ≈ ssthresh = { $cwnd } (RFC 6582 §3.2)
demo-congestion-why-new-ack = 새 데이터의 ACK: fast recovery를 마치고 cwnd = ssthresh = { $cwnd } (deflate, RFC 5681 §3.2 step 6)
demo-congestion-why-to-ca = cwnd가 ssthresh에 닿아 congestion avoidance로 넘어갑니다 (cwnd = { $cwnd })
