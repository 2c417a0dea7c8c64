# 혼잡 제어 모델(synack demo congestion)이 답하는 연습 문제.

exercise-congestion-after-loss-title = loss 뒤의 cwnd와 ssthresh: Reno와 Tahoe, 중복 ACK 3개와 timeout (RFC 5681)
exercise-congestion-event-dupack = 중복 ACK(duplicate ACK) 3개를 받았습니다
exercise-congestion-event-timeout = retransmission timer가 만료되었습니다 (RTO)
exercise-congestion-after-loss-question = TCP { $algorithm } 송신자의 cwnd = { $cwnd } 세그먼트(= FlightSize)일 때 { $event }. 새 cwnd와 ssthresh는? (세그먼트 단위, "cwnd, ssthresh" 순서; Reno의 cwnd: 3번째 중복 ACK 직후, fast recovery 시작 시점)
exercise-congestion-after-loss-why-timeout = RTO: ssthresh = max(FlightSize/2, 2), cwnd = 1 (loss window), 다시 slow start (RFC 5681 §3.1)
exercise-congestion-after-loss-why-tahoe = Tahoe: fast recovery 없음. 중복 ACK에도 ssthresh = max(FlightSize/2, 2), cwnd = 1, 다시 slow start
exercise-congestion-after-loss-why-reno = Reno fast retransmit: ssthresh = max(FlightSize/2, 2) = { $ssthresh }, fast recovery에 들어가며 cwnd = ssthresh + 3·SMSS = { $cwnd } (RFC 5681 §3.2 step 2–4; recovery 끝에 cwnd = ssthresh)

exercise-congestion-slow-start-title = slow start: RTT마다 cwnd × 2, ssthresh부터는 RTT마다 +1 (RFC 5681 §3.1)
exercise-congestion-slow-start-unbounded = ssthresh는 무한대
exercise-congestion-slow-start-question = 손실이 없는 TCP Reno 연결이 cwnd = 1 세그먼트(IW)로 시작합니다 ({ $limit }). { $rtts } RTT 뒤의 cwnd 값은 몇 세그먼트입니까?
exercise-congestion-slow-start-explanation = slow start: RTT마다 cwnd × 2 (ssthresh까지), 그 뒤 congestion avoidance: RTT마다 +1. { $path }
