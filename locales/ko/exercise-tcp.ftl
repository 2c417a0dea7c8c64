# TCP 상태 기계(synack demo handshake)가 답하는 연습 문제.

exercise-segment-client-syn = 클라이언트의 SYN
exercise-segment-server-synack = 서버의 SYN+ACK
exercise-segment-client-ack = 클라이언트의 마지막 ACK
exercise-isn-client = 클라이언트 ISN
exercise-isn-server = 서버 ISN
exercise-nothing-sent = 보내지 않음

exercise-handshake-ack-number-title = 3-way handshake의 ACK 번호 (ISN + 1, mod 2^32)
exercise-handshake-ack-number-question = 3-way handshake에서 클라이언트 ISN = { $client }, 서버 ISN = { $server }입니다. { $segment }에 담긴 ACK 번호는? (mod 2^32)
exercise-handshake-ack-number-explanation = ACK 번호는 다음에 받을 순서 번호입니다. SYN 세그먼트 하나가 순서 번호 하나를 쓰므로 { $isn } + 1 = { $ack } (2^32에서 wrap). 세그먼트: { $segment }

exercise-handshake-seq-number-title = 3-way handshake의 순서 번호(sequence number)
exercise-handshake-seq-number-question = 3-way handshake에서 클라이언트 ISN = { $client }, 서버 ISN = { $server }입니다. { $segment }의 순서 번호(sequence number)는? (mod 2^32)
exercise-handshake-seq-number-why-syn = SYN 세그먼트의 순서 번호는 자기 ISN
exercise-handshake-seq-number-why-synack = SYN+ACK 세그먼트의 순서 번호는 서버 자신의 ISN
exercise-handshake-seq-number-why-ack = 클라이언트의 SYN 세그먼트가 순서 번호 하나를 썼으므로 클라이언트 ISN + 1
exercise-handshake-seq-number-explanation = { $why }: { $seq }. 세그먼트: { $segment }

exercise-handshake-next-state-title = TCP 상태 전이: 다음 상태와 보내는 세그먼트 (RFC 9293)
exercise-handshake-next-state-question = { $state } 상태의 TCP endpoint에 '{ $event }' 이벤트가 일어납니다. 다음 상태와 보내는 세그먼트(control bit)는? 예: ESTABLISHED, ACK (보내지 않으면: 없음)
exercise-handshake-next-state-explanation = { $state } + { $event } → { $next }: { $cause } ({ $section }). 보내는 세그먼트: { $segment }

exercise-tcp-fin-ack-number-title = FIN에 대한 ACK 번호: SYN, FIN 모두 순서 번호 하나씩
exercise-tcp-fin-ack-number-question = 클라이언트 ISN = { $client }. handshake 뒤 클라이언트 쪽에서 데이터 { $bytes }바이트를 보내고 close()합니다. 이 FIN에 대한 서버의 ACK 번호는? (mod 2^32)
exercise-tcp-fin-ack-number-explanation = SYN 1 + 데이터 { $bytes } + FIN 1: ISN + { $plus } = { $ack } (SYN, FIN 모두 순서 번호 하나씩, RFC 9293 3.3.1). FIN: { $fin_segment }, ACK: { $ack_segment }

exercise-tcp-time-wait-title = TIME-WAIT의 길이 (2×MSL)
exercise-tcp-time-wait-question = MSL = { $msl }초일 때, active close 쪽은 TIME-WAIT 상태에 몇 초 동안 머뭅니까?
exercise-tcp-time-wait-explanation = TIME-WAIT 상태의 길이는 2×MSL = { $secs }초입니다 (RFC 9293 3.10.8): 마지막 ACK 세그먼트가 손실되어 FIN 세그먼트가 다시 오면 다시 ACK하고, 이전 연결의 세그먼트가 사라질 때까지 기다립니다.

exercise-tcp-rto-backoff-title = SYN 재전송과 RTO의 exponential backoff (RFC 6298)
exercise-tcp-rto-backoff-question = SYN 전송 뒤 응답이 없어 RTO 만료가 { $count }번 일어났습니다. 지금의 RTO 값은 몇 ms입니까? (처음 RTO = 1000 ms, 상한 60000 ms)
exercise-tcp-rto-backoff-explanation = RTO 만료마다 두 배 (exponential backoff, RFC 6298 5.5), 상한 60 s (2.5): min(1000 × 2^{ $count }, 60000) = { $rto } ms
