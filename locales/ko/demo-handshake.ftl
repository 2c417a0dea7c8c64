# synack demo handshake (src/sim/transport/handshake.rs)

demo-handshake-about = TCP 연결 수립과 종료 (RFC 9293): 3-way handshake, 4-way close, TIME-WAIT, 손실과 RST
demo-handshake-examples = 예:
demo-handshake-opt-scenario = 보일 시나리오
demo-handshake-opt-isn-client = client의 초기 순서 번호(ISN). 기본값은 --seed로 1000~4999에서 뽑습니다 (+1이 한눈에 보이도록 작게; 실제 스택은 32비트 전체에서 뽑습니다, RFC 6528)
demo-handshake-opt-isn-server = server의 초기 순서 번호(ISN). 기본값은 --seed로 5000~9999에서 뽑습니다
demo-handshake-opt-relative = SEQ와 ACK을 각 쪽 ISN에서 센 상대값으로 보입니다 (Wireshark처럼 SYN은 0, 첫 데이터 byte는 1). JSON은 절대값을 씁니다
demo-handshake-opt-call = half-close에서 client가 닫는 호출: shutdown(SHUT_WR, 계속 읽고 server의 데이터를 ACK합니다) 또는 close(더 읽지 않습니다: Linux는 server의 다음 데이터에 RST로 답하고 server의 write()는 EPIPE를 받습니다)
demo-handshake-opt-drop = 선에 올라간 K번째 segment를 잃습니다 (1부터 셈, 재전송 포함)
demo-handshake-opt-msl = 최대 segment 수명(MSL, 초). TIME-WAIT는 2×MSL 동안입니다 (RFC 9293: 2분)
demo-handshake-call-close = close(): 더 보내지도 읽지도 않습니다
demo-handshake-call-shutdown = shutdown(SHUT_WR): 더 보내지 않고, 읽기는 계속합니다
demo-handshake-scenario-open = 3-way handshake
demo-handshake-scenario-close = 3-way handshake 뒤 4-way close와 TIME-WAIT
demo-handshake-scenario-close-piggyback = 세 segment로 끝나는 close: server의 ACK이 FIN에 실려 갑니다
demo-handshake-scenario-simultaneous-open = 양쪽이 동시에 SYN을 보냅니다 (RFC 9293 Fig. 7)
demo-handshake-scenario-simultaneous-close = 양쪽이 동시에 FIN을 보냅니다: CLOSING
demo-handshake-scenario-syn-lost = 첫 SYN이 손실됩니다: RTO와 재전송
demo-handshake-scenario-synack-lost = SYN+ACK이 손실됩니다: 양쪽이 재전송합니다
demo-handshake-scenario-final-ack-lost = client의 마지막 ACK이 손실됩니다: TIME-WAIT가 있는 이유
demo-handshake-scenario-closed-port = 아무도 listen하지 않는 포트로 SYN: RST, connection refused
demo-handshake-scenario-two-way = 메시지 두 개로는 왜 부족한가: old duplicate SYN
demo-handshake-scenario-half-close = client가 보내는 쪽을 닫고 server는 계속 보냅니다 (--call 참고)

demo-handshake-err-not-settled = { $count }개 이벤트가 지나도 시뮬레이션이 끝나지 않았습니다
demo-handshake-err-drop-too-far = --drop { $k }: { $scenario } 시나리오는 segment를 { $wire }개만 선에 올립니다

demo-handshake-intro-open = 3-way handshake: SYN → SYN+ACK → ACK. 양쪽이 서로의 ISN을 ACK해야 두 방향의 sequence number가 동기화됩니다.
demo-handshake-intro-close = 4-way close: client가 먼저 닫고(active close) FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT → CLOSED, server는 CLOSE-WAIT → LAST-ACK → CLOSED (passive close).
demo-handshake-intro-close-piggyback = 3-segment close: server가 FIN을 받자마자 close()하면 delayed ACK이 FIN에 실려 FIN+ACK 하나로 갑니다. client는 FIN-WAIT-2를 건너뛰고 FIN-WAIT-1 → TIME-WAIT (실제 스택에서 흔한 모양).
demo-handshake-intro-simultaneous-open = simultaneous open: 양쪽이 동시에 SYN을 보냅니다 (listener 없음). SYN-SENT → SYN-RECEIVED → ESTABLISHED (RFC 9293 Fig. 7).
demo-handshake-intro-simultaneous-close = simultaneous close: 양쪽이 동시에 FIN을 보냅니다. FIN-WAIT-1 → CLOSING → TIME-WAIT, 양쪽 모두 TIME-WAIT를 거칩니다.
demo-handshake-intro-syn-lost = 첫 SYN이 손실됩니다: client는 RTO(초기 1s, RFC 6298) 뒤 SYN을 재전송하고 RTO를 두 배로 늘립니다 (exponential backoff).
demo-handshake-intro-synack-lost = SYN+ACK이 손실됩니다: client의 SYN과 server의 SYN+ACK 둘 다 ACK을 못 받아 각자 RTO 뒤 재전송합니다.
demo-handshake-intro-final-ack-lost = close의 마지막 ACK이 손실됩니다: server는 LAST-ACK에서 FIN을 재전송하고, TIME-WAIT에 남아 있던 client가 다시 ACK합니다.
demo-handshake-intro-closed-port = 아무도 listen하지 않는 포트로 SYN: server는 <SEQ=0><ACK=ISN+1><CTL=RST,ACK>로 답하고 client는 "connection refused".
demo-handshake-intro-two-way = 왜 2-way로는 부족한가. 가상의 2-way handshake(SYN, SYN+ACK만)라면: 네트워크에 늦게 남아 있던 이전 연결의 old duplicate SYN 하나로 server가 바로 연결을 열고 자원을 잡습니다 (client는 요청한 적 없음: half-open). 3-way에서는 세 번째 메시지를 client가 정하므로, 모르는 SYN+ACK에 RST로 답하고 server는 LISTEN으로 돌아갑니다. 이어서 진짜 연결이 열린 뒤 이전 연결의 old duplicate 데이터가 도착합니다: ISN이 무작위면 window 밖이라 버려지고, --isn-client/--isn-server로 ISN을 고정하면(이전 연결도 같은 ISN) window 안에 떨어져 새 연결의 데이터로 받아들여집니다.
demo-handshake-intro-half-close = half-close: client가 shutdown(SHUT_WR)으로 FIN을 보내 FIN-WAIT-2에 있는 동안 server는 CLOSE-WAIT에서 데이터를 계속 보내고, client는 그 데이터를 받아 ACK합니다. 그 뒤 server가 닫습니다. --call close로 바꾸면 같은 데이터가 RST를 부릅니다.
demo-handshake-intro-half-close-call-close = half-close를 close()로 하면: client가 close()로 FIN을 보내 FIN-WAIT-2에 있는 동안 server가 CLOSE-WAIT에서 데이터를 보냅니다. close()한 소켓은 더 읽지 않으므로 Linux는 그 데이터에 RST로 답하고, server의 다음 write()는 EPIPE로 실패합니다. --call shutdown과 비교해 보세요.

demo-handshake-minutes = { $n }분

demo-handshake-old-duplicate-data = 이전 연결의 old duplicate 데이터: 네트워크에 늦게까지 남아 있던 segment가 이제 server에 도착합니다 (지금의 client는 보낸 적 없음).
demo-handshake-old-duplicate-syn = 이전 연결의 old duplicate SYN: 네트워크에 늦게까지 남아 있던 segment가 이제 server에 도착합니다 (지금의 client는 보낸 적 없음).
demo-handshake-passive-open = passive OPEN: server가 listen()으로 포트를 열고 LISTEN에서 SYN을 기다립니다.
demo-handshake-active-open = active OPEN: connect()가 SYN을 보내고 SYN-SENT로 들어갑니다 (ISN = { $isn }). SYN은 sequence number 하나를 씁니다: SND.NXT = ISS+1 = { $next }.
demo-handshake-write-after-reset = 연결이 RST로 이미 끊겼습니다: write()는 EPIPE로 실패하고 프로세스는 SIGPIPE를 받습니다 (Linux는 CLOSE-WAIT에서 RST를 받으면 소켓 오류를 EPIPE로 둡니다).
demo-handshake-call-error = 이 상태({ $state })에서는 할 수 없는 호출: "{ $msg }".
demo-handshake-close-deletes = CLOSE: 아직 연결이 없으므로 TCB를 지우고 CLOSED로 갑니다.
demo-handshake-shutdown-fin = shutdown(SHUT_WR): 보내는 쪽만 닫습니다. 더 보낼 데이터가 없다는 FIN을 보내고 { $state }로 (SEQ = { $seq }). 받는 쪽은 열려 있어 상대의 데이터를 계속 읽고 ACK합니다.
demo-handshake-close-fin = close(): 더 보낼 데이터가 없다는 FIN을 보내고 { $state }로 갑니다 (active close, SEQ = { $seq }). FIN도 sequence number 하나를 씁니다. close()는 읽기도 끝내므로, 이제 도착하는 데이터에는 RST로 답합니다.
demo-handshake-piggyback = 미뤄 둔 ACK이 이 FIN에 실려 갑니다 (piggyback, ACK = { $ack }): 3-segment close.
demo-handshake-close-from-close-wait = server 애플리케이션도 close(): FIN을 보내고 LAST-ACK에서 이 FIN의 ACK을 기다립니다.
demo-handshake-half-close-send = 상대가 FIN을 보냈어도 CLOSE-WAIT에서는 계속 보낼 수 있습니다 (half-close).
demo-handshake-send-data = write(): 데이터 { $len } bytes를 보냅니다 (SEQ = { $seq }).
demo-handshake-closed-discards-rst = CLOSED에 온 RST는 그냥 버립니다 (RST에는 RST로 답하지 않음).
demo-handshake-closed-resets-ack = { $side }는 CLOSED라 이 연결을 모릅니다: SEG.ACK를 SEQ로 쓴 RST를 보내 "그런 연결 없음"을 알립니다 (<SEQ={ $seq }><CTL=RST>).
demo-handshake-closed-resets = 이 포트는 CLOSED(listener 없음): ACK 없는 segment에는 <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>로 답합니다 (ACK = { $ack }).
demo-handshake-listen-ignores-rst = LISTEN에서 RST는 무시합니다.
demo-handshake-listen-resets-ack = LISTEN에 ACK이 든 segment는 올 수 없는 것: <SEQ=SEG.ACK><CTL=RST>로 답합니다.
demo-handshake-listen-syn-old = server는 이 SYN이 old duplicate인지 알 수 없습니다: 2-way였다면 여기서 바로 연결이 열렸을 것.
demo-handshake-listen-syn = SYN 수신: IRS = { $irs }, RCV.NXT = { $rcv }. 자기 ISN으로 SYN+ACK을 보내고 SYN-RECEIVED로 갑니다 (ISS = { $iss }; ACK = { $ack }: "SYN 받았음").
demo-handshake-listen-drops = LISTEN에서 SYN이 아닌 segment는 버립니다.
demo-handshake-syn-sent-bad-ack = SYN-SENT인데 이 ACK은 내 SYN에 대한 것이 아닙니다 (ACK = { $ack }): 이전 연결의 것이므로 <SEQ=SEG.ACK><CTL=RST>로 거절합니다.
demo-handshake-syn-sent-bad-ack-rst = 틀린 ACK에 RST까지 있어 그냥 버립니다.
demo-handshake-syn-sent-refused = RST+ACK 수신: 상대 포트에 listener가 없습니다. SYN-SENT → CLOSED, connect()는 "connection refused"(ECONNREFUSED)로 실패합니다.
demo-handshake-syn-sent-drops-rst = ACK 없는 RST는 SYN-SENT에서 버립니다.
demo-handshake-syn-sent-drops = SYN-SENT에서 SYN도 RST도 없는 segment는 버립니다 (ACK = { $ack }): 기다리는 것은 상대의 SYN입니다.
demo-handshake-syn-sent-synack = SYN+ACK 수신: 내 SYN이 확인되었고 (ACK = { $ack }) 상대 ISN도 알게 되었습니다 (IRS = { $irs }). ESTABLISHED로 가며 세 번째 segment인 ACK을 보냅니다 (ACK = { $sent_ack }).
demo-handshake-syn-sent-syn = SYN-SENT에서 ACK 없는 SYN 수신 = simultaneous open: SYN-RECEIVED로 가며 내 SYN을 SYN+ACK으로 다시 보냅니다 (SEQ = ISS = { $seq }, ACK = { $ack }).
demo-handshake-simultaneous-synack = 상대 SYN+ACK의 SYN은 이미 받은 것이고 ACK은 내 SYN을 확인합니다: SYN-RECEIVED → ESTABLISHED. 양쪽 모두 따로 ACK을 보낼 필요가 없습니다.
demo-handshake-time-wait-fin-again = TIME-WAIT에서 재전송된 FIN 수신: 내 마지막 ACK이 사라졌다는 뜻. ACK을 다시 보내고 2MSL 타이머를 처음부터 다시 잽니다 ({ $two_msl } 뒤, { $at }).
demo-handshake-fin-again = 이미 받은 FIN이 다시 왔습니다: ACK을 다시 보냅니다.
demo-handshake-syn-again = 재전송된 SYN은 이미 받은 것이라 receive window 밖입니다 (SEQ = { $seq }): RFC대로 ACK만 보냅니다 (<SEQ=SND.NXT><ACK=RCV.NXT>). Linux는 이때 SYN+ACK을 바로 재전송합니다.
demo-handshake-ack-ratelimit = 답할 ACK은 보내지 않습니다: { $ms }ms 안에 이미 한 번 답했습니다 (window 밖 segment의 ACK loop 방지, RFC 5961 7, Linux tcp_invalid_ratelimit).
demo-handshake-unacceptable = receive window 밖의 segment입니다 (SEQ = { $seq }, window는 RCV.NXT = { $rcv }부터): 받지 않고 현재 위치를 알리는 ACK을 보냅니다.
demo-handshake-unacceptable-rst = window 밖의 RST는 조용히 버립니다 (blind reset 방어).
demo-handshake-rst-to-listen = RST 수신: passive OPEN에서 온 SYN-RECEIVED라 half-open 연결을 버리고 LISTEN으로 돌아갑니다. 잡았던 자원(TCB)도 풀립니다.
demo-handshake-rst-refused = RST 수신: active OPEN에서 온 SYN-RECEIVED라 CLOSED로 ("connection refused").
demo-handshake-reset-close-wait = RST 수신(SEQ = RCV.NXT): "connection reset", CLOSED로 갑니다. 상대가 close()한 소켓에 데이터를 보낸 결과이고, 이 소켓의 다음 write()는 EPIPE입니다.
demo-handshake-reset = RST 수신(SEQ = RCV.NXT): "connection reset", CLOSED로 갑니다.
demo-handshake-challenge-rst = RST가 window 안이지만 RCV.NXT와 같지 않음: 끊지 않고 challenge ACK을 보냅니다.
demo-handshake-challenge-syn = 연결된 상태에서 SYN 수신: 끊지 않고 challenge ACK을 보냅니다.
demo-handshake-no-ack = ACK bit가 없는 segment는 버립니다.
demo-handshake-syn-received-bad-ack = SYN-RECEIVED에서 받아들일 수 없는 ACK: <SEQ=SEG.ACK><CTL=RST>로 답합니다.
demo-handshake-ack-ahead = 보낸 적 없는 데이터에 대한 ACK입니다 (ACK = { $ack } > SND.NXT): 버리고 현재 위치를 알리는 ACK을 보냅니다.
demo-handshake-out-of-order = 순서가 어긋난 데이터입니다 (SEQ = { $seq }, 기다리는 RCV.NXT = { $rcv }). window 안이므로 버리지 않고 보관하고, 빈 곳을 알리는 duplicate ACK을 곧바로 보냅니다 (RFC 5681 4.2; Linux는 SACK block도 붙입니다).
demo-handshake-data-after-close = close()한 소켓에 데이터가 왔습니다: 읽을 애플리케이션이 없으니 데이터가 버려졌음을 RST로 알리고 CLOSED로 갑니다 (Linux: TCPAbortOnData). shutdown(SHUT_WR)이었다면 받아서 ACK했을 것입니다.
demo-handshake-syn-received-ack = 세 번째 segment인 ACK 수신 (ACK = { $ack } = ISS+1): SYN-RECEIVED → ESTABLISHED. 이제 양쪽 ISN이 모두 확인되었습니다.
demo-handshake-syn-received-ack-fin = ACK이 내 SYN을 확인해 ESTABLISHED, 같은 segment의 FIN으로 곧바로 CLOSE-WAIT. FIN을 ACK합니다.
demo-handshake-fin-delayed-ack = FIN 수신: 상대는 더 보낼 것이 없습니다. CLOSE-WAIT로 갑니다. ACK은 delayed ACK으로 잠시 미룹니다 (ACK = { $ack }; 애플리케이션이 곧 close()하면 FIN에 실어 보내려고).
demo-handshake-fin = FIN 수신: 상대는 더 보낼 데이터가 없습니다. CLOSE-WAIT로 가며 FIN을 ACK합니다 (ACK = { $ack }: FIN이 sequence number 하나를 씀). 애플리케이션은 read()에서 EOF를 봅니다.
demo-handshake-fin-wait-1-fin-acked = FIN+ACK 수신: 상대 FIN이 내 FIN도 ACK합니다 (ACK = { $ack }). FIN-WAIT-2를 건너뛰고 TIME-WAIT로 가서 마지막 ACK을 보내고 2MSL({ $two_msl }) 타이머를 시작합니다.
demo-handshake-fin-wait-1-fin = 내 FIN이 ACK되기 전에 상대 FIN 수신 = simultaneous close: CLOSING으로 가며 FIN을 ACK합니다.
demo-handshake-fin-wait-1-acked = 내 FIN이 ACK됨: FIN-WAIT-2로. 이제 상대 FIN을 기다립니다 (상대는 아직 데이터를 보낼 수 있음).
demo-handshake-fin-wait-2-fin = 상대 FIN 수신: TIME-WAIT로 가며 마지막 ACK을 보내고 (ACK = { $ack }) 2MSL({ $two_msl }) 타이머를 시작합니다.
demo-handshake-closing-acked = CLOSING에서 내 FIN의 ACK 수신: TIME-WAIT로, 2MSL({ $two_msl }) 타이머 시작.
demo-handshake-last-ack-acked = 마지막 ACK 수신: LAST-ACK → CLOSED, TCB를 지웁니다. passive closer는 TIME-WAIT를 거치지 않습니다.
demo-handshake-data-old = ✗ old duplicate가 window 안(SEQ = RCV.NXT)에 떨어져 새 연결의 데이터로 받아들여졌습니다: ISN을 고정하면 생기는 일.
demo-handshake-data-fin-wait-2 = FIN-WAIT-2에서도 데이터는 계속 받습니다 (half-close).
demo-handshake-data = 데이터 { $len } bytes 수신: ACK합니다 (RCV.NXT는 이제 { $rcv }; 보관해 둔 순서 밖 데이터가 있었다면 그것까지).
demo-handshake-ack = ACK 수신: 상태 변화 없음.
demo-handshake-time-wait-expired = 2MSL 타이머 만료: TIME-WAIT → CLOSED. 이제 같은 4-tuple로 새 연결을 열어도 안전합니다.
demo-handshake-retransmit = RTO { $rto } 만료: ACK이 오지 않아 같은 segment를 재전송합니다 (SEQ = { $seq }). RTO는 두 배가 되어 { $next_rto }입니다 (exponential backoff, RFC 6298 5.5); 다음 만료 예정 시각은 { $at }. 이 segment의 ACK이 와도 RTO는 줄이지 않습니다 (Karn's rule, RFC 6298 3, 5).
demo-handshake-delayed-ack = delayed ACK 타이머 만료: 실어 보낼 segment가 없어 ACK만 보냅니다.
demo-handshake-nothing-to-do = 할 일이 없습니다.
demo-handshake-lost = ✗ 이 segment는 네트워크에서 사라집니다 (선에 올라간 { $no }번째, lost).

demo-handshake-title-run = TCP 연결 설정과 해제 (RFC 9293): { $scenario }
demo-handshake-isn-given = 지정
demo-handshake-isn-seeded = seed에서
demo-handshake-label-numbers = 번호
demo-handshake-relative-note = --relative: SEQ와 ACK을 각 쪽 ISN에서 센 상대값으로 보입니다 (Wireshark처럼; SYN은 0, 첫 데이터 byte는 1). JSON은 절대값입니다.
demo-handshake-label-channel = 채널
demo-handshake-channel = 단방향 { $one_way }ms (RTT { $rtt }ms), 초기 RTO { $rto } (RFC 6298), MSL { $msl } → TIME-WAIT 2×MSL = { $two_msl }
demo-handshake-label-loss = 손실
demo-handshake-loss = 선에 올라간 segment { $list } (재전송 포함, 1부터 셈)

demo-handshake-syn-col-retransmission = 재전송
demo-handshake-syn-col-old-linux = 예전 Linux
demo-handshake-syn-title = SYN 재전송 시각 (첫 SYN부터, 초): 이 시뮬레이션은 RFC 6298을 따릅니다
demo-handshake-syn-give-up = 포기
demo-handshake-syn-give-up-rfc = 3분 이상 (RFC 9293 R2)

demo-handshake-result = 결과
demo-handshake-result-text = client { $client }, server { $server }. 걸린 시간 { $time }, 선에 올라간 segment { $wire }개 (재전송 { $retransmissions }개).
demo-handshake-transitions = 상태 전이 (state transitions)
demo-handshake-col-time = time
demo-handshake-col-transition = 전이
demo-handshake-col-cause = 원인
demo-handshake-tool-names = 이 실행의 상태를 도구는 이렇게 씁니다
demo-handshake-notes = 참고
demo-handshake-note-retransmit = • 재전송 타이머: { $list }. 초기 RTO 1s (RFC 6298 2.1), 만료마다 두 배 (exponential backoff, 5.5), 재전송한 segment의 ACK은 RTT 표본이 아니라 RTO를 되돌리지 않습니다 (Karn's rule, 3과 5). 데이터에서 Linux는 RTO 하한으로 RFC의 1s 대신 tcp_rto_min = 200ms를 씁니다.
demo-handshake-note-syn-linear = • tcp_syn_linear_timeouts가 있는 최근 커널(Linux 6.x, 기본값 4)은 SYN을 1초 간격으로 재전송한 뒤에야 두 배로 늘립니다. 그 전의 커널은 1s부터 두 배씩 늘려 tcp_syn_retries=6번 재전송하고 약 127s 뒤 포기합니다. `sysctl net.ipv4.tcp_syn_linear_timeouts`로 어느 쪽인지 확인할 수 있습니다.
demo-handshake-note-synack-retries = • SYN+ACK의 재전송은 Linux에서 tcp_synack_retries(기본 5번)를 따르고 1s부터 두 배씩 늘어납니다; linear timeout은 SYN을 보내는 쪽에만 적용됩니다.
demo-handshake-note-time-wait = • { $who } RFC 9293: MSL 2분 → 2×MSL = 4분 (이 실행: --msl { $msl } → { $two_msl }). Linux의 TIME-WAIT는 { $linux }s 고정입니다 (TCP_TIMEWAIT_LEN, `ss -tan state time-wait`로 보임).
demo-handshake-note-time-wait-both = 동시에 닫으면 양쪽 모두 active closer라 둘 다 TIME-WAIT를 거칩니다.
demo-handshake-note-time-wait-active = TIME-WAIT는 먼저 닫은 쪽(active closer)만 거칩니다.
demo-handshake-note-final-ack-lost = • TIME-WAIT가 있는 이유: (1) 마지막 ACK이 사라지면 상대가 FIN을 재전송합니다. 그때 ACK을 다시 보내 줄 TCB가 남아 있어야 합니다 (이미 CLOSED라면 RST가 가서 상대는 오류로 끝남). (2) 같은 4-tuple의 다음 연결이 이 연결의 지연된 old duplicate를 받지 않도록, 2MSL 동안 기다려 네트워크에서 사라지게 합니다.
demo-handshake-note-closed-port = • listener가 없는 포트: RST+ACK을 받은 connect()는 ECONNREFUSED. (방화벽이 SYN을 조용히 버리면 RST 대신 RTO 재전송 끝에 timeout.)
demo-handshake-note-two-way-accepted = • ✗ old duplicate 데이터가 새 연결에 섞였습니다 (server가 받은 데이터는 { $bytes } bytes, client는 보낸 적 없음). ISN이 고정되었거나 예측 가능하면 이전 연결의 번호가 새 연결의 window에 떨어집니다: 그래서 ISN은 예측할 수 없게 고릅니다 (RFC 6528).
demo-handshake-note-two-way-dropped = • old duplicate 데이터는 window 밖이라 버려졌습니다: 이전 연결의 ISN은 시간이 지나 전혀 다른 값이었고 (RFC 6528), 그 번호는 새 연결의 window에 떨어지지 않습니다. --isn-client N --isn-server M으로 ISN을 고정하면(이전 연결도 같은 ISN) 어떻게 되는지 보세요.
demo-handshake-note-simultaneous-open = • simultaneous open은 드물지만 RFC가 요구합니다 (MUST-10). 연결은 하나, segment는 4개입니다.
demo-handshake-note-half-close-call-close = • close()와 shutdown(SHUT_WR)은 같은 FIN을 보내지만, close()한 쪽은 읽기도 끝냅니다. 그 뒤 도착하는 데이터는 RST를 부르고 (RFC 1122 4.2.2.13), 보낸 쪽은 ECONNRESET/EPIPE를 봅니다. 받을 데이터가 남았다면 shutdown(SHUT_WR) 뒤 EOF까지 읽고 close()합니다.
demo-handshake-note-half-close = • shutdown(SHUT_WR)은 보내는 방향만 닫습니다: client는 FIN-WAIT-2에서도 server의 데이터를 받아 ACK합니다. --call close로 바꾸면 같은 데이터가 RST를 부릅니다.
demo-handshake-drop-same-time = 끝나는 시각은 손실이 없을 때와 같습니다
demo-handshake-drop-later = 손실이 없을 때보다 { $delay } 늦게 끝납니다
demo-handshake-drop-earlier = 손실이 없을 때보다 { $delay } 일찍 끝납니다
demo-handshake-drop-counts = 선에 올라간 segment는 { $wire }개 (손실 없이 { $wire_base }개), 그중 재전송 { $retransmissions }개 (손실 없이 { $retransmissions_base }개)
demo-handshake-drop-same-path = • --drop { $k }: { $k }번째 segment가 사라져도{ $what } 상태 경로는 같습니다. { $timing }; { $counts }.
demo-handshake-drop-new-path = • --drop { $k }: { $k }번째 segment가 사라지자{ $what } 상태 경로가 달라졌습니다. { $timing }; { $counts }.
demo-handshake-drop-path = { $side }: { $now } (손실 없이: { $before })

# 다이어그램의 사건 이름 (JSON의 event는 영어 그대로).
demo-handshake-tag-arrives = { $flags } 도착
demo-handshake-tag-rto-fired = RTO 만료
demo-handshake-tag-2msl-expired = 2MSL 만료
demo-handshake-tag-delayed-ack = delayed ACK 타이머
demo-handshake-tag-write = write() { $n } bytes
