# synack demo flow (src/sim/transport/flow.rs)

demo-flow-about = 흐름 제어: 느린 수신자, 0까지 줄어드는 창, persist 타이머의 probe, window update
demo-flow-long-about = 수신 윈도우로 하는 TCP 흐름 제어(RFC 9293 §3.8.6): 수신자는 버퍼의 빈 공간(rwnd)을 알리고, 읽는 쪽이 느리면 rwnd가 0까지 떨어져 송신자가 멈추며, persist 타이머가 window update가 올 때까지 zero window를 probe합니다. --live는 작은 SO_RCVBUF를 건 loopback의 진짜 소켓에서 송신자가 막히는 모습을 보입니다.
demo-flow-examples = 예:
demo-flow-opt-buffer = 수신 버퍼 크기, 바이트 (1000~64000)
demo-flow-opt-total = 애플리케이션이 보내는 바이트 수 (1~100000)
demo-flow-opt-read = 느린 수신자가 read() 한 번에 가져가는 바이트 수 (1~64000)
demo-flow-opt-interval = 수신자의 read() 사이 간격, 밀리초 (10~10000)
demo-flow-opt-lose-update = 첫 window update를 잃어, probe만이 열린 창을 찾게 합니다
demo-flow-opt-live = 127.0.0.1의 진짜 소켓과 작은 SO_RCVBUF: 송신자가 막힙니다
demo-flow-err-no-ip = listener에 IP 주소가 없습니다
demo-flow-err-reader-panicked = 읽는 스레드가 비정상 종료했습니다

demo-flow-title-run = 흐름 제어: 수신 버퍼 { $buffer } B, 보낼 데이터 { $total } B, 읽기 { $read } B / { $interval } ms
demo-flow-intro = 수신자는 버퍼의 빈 공간을 수신 윈도우(rwnd)로 알리고, 송신자는 확인받지 않은 바이트(in flight)가 rwnd를 넘지 않게 보냅니다(RFC 9293 §3.8.6). 읽는 쪽이 느리면 버퍼가 차서 rwnd가 0이 되고(zero window), 송신자는 멈춥니다.
demo-flow-persist = rwnd가 0인데 보낼 데이터가 남으면 송신자는 persist 타이머({ $ms } ms부터 두 배씩)를 걸고 zero window probe를 보냅니다. 창이 열렸다는 window update가 사라져도 교착에 빠지지 않게 하려는 것입니다(RFC 9293 §3.8.6.1, RFC 1122 §4.2.2.17). 이 데모의 probe는 Linux처럼 새 데이터 없이 ACK만 끌어냅니다(RFC는 1바이트를 실어 보내도 된다고 합니다).
demo-flow-persist-fired = persist 타이머 만료: rwnd 0, in flight { $in_flight } B
demo-flow-update-lost = 손실: 이 window update는 닿지 않습니다 (--lose-update)
demo-flow-update = window update: 창이 { $rwnd } B로 열렸습니다
demo-flow-zero-window = zero window: 버퍼가 가득 찼습니다, 송신자는 멈춥니다
demo-flow-free-space = 버퍼의 빈 공간 { $free } / { $buffer } B
demo-flow-col-total-time = 전체 시간
demo-flow-col-zero-window = zero window 기간
demo-flow-col-sent = 보낸 바이트
demo-flow-result = 결과
demo-flow-live-title = 흐름 제어 (live): 127.0.0.1에서 작은 SO_RCVBUF, 읽지 않는 수신자
demo-flow-live-intro = 요청하는 버퍼 크기: SO_RCVBUF = SO_SNDBUF = { $buffer } B (수신 소켓은 listen() 전에 겁니다; 커널은 값을 올려 잡을 수 있고, Linux는 두 배로 잡습니다). 보낼 데이터: { $total } B. 수신자가 읽지 않는 동안 송신자는 non-blocking write()로 씁니다.
demo-flow-live-blocked = 송신 버퍼도 수신 버퍼도 가득 찼습니다: 수신자가 알린 rwnd는 0이고, 막히는 소켓이었다면 write()가 여기서 멈춥니다. (이때까지 쓴 바이트 수는 커널의 버퍼 크기에 따라 달라 보이지 않습니다.)
demo-flow-live-all-written = write() 끝까지 성공
demo-flow-live-all-written-note = 이 커널의 버퍼는 보낼 데이터를 다 담을 만큼 컸습니다.
demo-flow-live-read = read() 시작
demo-flow-live-read-note = 수신자가 읽자 버퍼가 비고, window update가 창을 열어 송신자가 이어서 씁니다.
demo-flow-live-received = 받은 바이트 { $delivered } / { $total } B
demo-flow-live-received-note = 흐름 제어는 데이터를 버리지 않습니다: 송신자를 기다리게 할 뿐입니다.
