# synack demo sockets (src/sim/transport/sockets.rs)

demo-sockets-about = listening port 하나에 connection 여럿, 4-tuple로 구별합니다 (loopback의 진짜 socket)
demo-sockets-examples = 예:
demo-sockets-opt-clients = listening port 하나에 connect하는 client 수 (1~64)
demo-sockets-opt-simulate = 진짜 socket 없이 같은 이야기를 보입니다 (port는 --seed에서 뽑습니다)
demo-sockets-err-bind = 127.0.0.1에 TCP socket을 bind할 수 없습니다 ({ $error }). `synack demo sockets --simulate`는 진짜 socket 없이 같은 내용을 보입니다
demo-sockets-io-listener-address = listener 주소 읽기
demo-sockets-io-connect = listener에 connect
demo-sockets-io-accept = connection accept
demo-sockets-io-addresses = connected socket의 주소 읽기

demo-sockets-title-run = port, socket, 4-tuple: listening port 하나에 connection 여럿
demo-sockets-step-1 = 1단계  listening socket
demo-sockets-live = live: 127.0.0.1 loopback의 진짜 socket입니다. port 번호는 실행마다 다릅니다.
demo-sockets-simulated = simulated: socket 없이 보여 줍니다. port 번호는 seed에서 뽑았습니다 (--seed { $seed }).
demo-sockets-bind-zero = 127.0.0.1:0에 bind하면 커널이 ephemeral port 하나를 골라 줍니다 → listen() → LISTEN
demo-sockets-listening-only = listening socket은 연결을 받기(accept)만 하고, 데이터는 accept()가 돌려주는 connected socket으로 오갑니다.
demo-sockets-step-2 = 2단계  client가 같은 port로 connect → server 쪽 connected socket (connection 수: { $count })
demo-sockets-yes = 예
demo-sockets-no = 아니오
demo-sockets-one-port = server 로컬 주소가 모두 listener 주소인가
demo-sockets-one-port-text = { $answer } — listening port 하나를 connection 여럿이 같이 씁니다.
demo-sockets-client-ports = 서로 다른 client port의 수
demo-sockets-client-ports-text = { $count } — connect() 때 커널이 ephemeral port를 자동으로 bind합니다.
demo-sockets-four-tuple = 커널은 (src IP, src port, dst IP, dst port) 4-tuple로 들어온 segment의 socket을 찾습니다. 네 값 중 client port 하나만 달라도 다른 connection입니다. 한쪽의 local은 다른 쪽의 peer입니다.
demo-sockets-ok = 성공
demo-sockets-failed = 실패: { $error }
demo-sockets-step-3 = 3단계  같은 port에 다시 bind 해 보기
demo-sockets-col-result = 결과
demo-sockets-tcp-reuse = • TCP: 이 플랫폼은 같은 주소·port의 두 번째 listener를 허락했습니다 (SO_REUSEPORT 같은 예외).
demo-sockets-tcp-in-use = • TCP: EADDRINUSE — 이 (IP, port)에 LISTEN 중인 socket이 이미 있어 커널이 bind를 거부합니다.
demo-sockets-udp-ok = • UDP: TCP와 UDP는 port 번호 공간(port space)이 따로라서 같은 번호를 쓸 수 있습니다 (DNS는 53/udp와 53/tcp를 둘 다 씁니다).
demo-sockets-udp-failed = • UDP: 이번에는 실패했습니다 — 다른 프로그램이 이 UDP port를 쓰고 있을 수 있습니다.
demo-sockets-other-ok = • 127.0.0.2: bind는 (IP, port) 쌍을 차지하므로 다른 주소의 같은 port는 비어 있습니다 (Linux는 127.0.0.0/8 전체가 lo).
demo-sockets-other-failed = • 127.0.0.2: 이 플랫폼은 127.0.0.1만 loopback에 두어 다른 주소에 bind할 수 없습니다.
demo-sockets-step-4 = 4단계  ephemeral port range (/proc/sys/net/ipv4/ip_local_port_range)
demo-sockets-range = 범위
demo-sockets-range-text = { $lo }–{ $hi }: connect()나 port 0 bind 때 커널이 이 범위에서 port를 고릅니다.
demo-sockets-inside = client port가 모두 이 범위 안인가
demo-sockets-no-range = not available: 이 시스템에는 ip_local_port_range 파일이 없습니다.
demo-sockets-step-5 = 5단계  close: client가 먼저 닫으면 (active closer) client 쪽이 TIME-WAIT에 남습니다
demo-sockets-close-story = client close() → FIN → server는 read()에서 0(EOF)을 받고 CLOSE-WAIT → server close() → FIN → client가 마지막 ACK을 보내고 TIME-WAIT (2×MSL 동안), server(passive closer)는 LAST-ACK 뒤 CLOSED
demo-sockets-no-proc = /proc/net/tcp: not available (Linux가 아니거나 /proc이 없습니다)
demo-sockets-proc-legend = st 06 = TIME_WAIT, 주소는 hex (IPv4는 little-endian 32-bit word, port는 그대로)
demo-sockets-no-time-wait = TIME_WAIT 줄을 찾지 못했습니다 (다른 namespace이거나 이미 사라졌을 수 있습니다).
demo-sockets-why-time-wait = TIME-WAIT 동안 같은 4-tuple을 다시 쓰지 않아, 늦게 도착한 옛 segment가 새 connection에 섞이지 않고 마지막 ACK이 사라지면 다시 보낼 수 있습니다. 그래서 먼저 닫는 쪽이 TIME-WAIT를 떠안습니다.
# 표의 열 이름: local_addr()/peer_addr()가 돌려주는 주소.
demo-sockets-col-client-local = client 로컬
demo-sockets-col-client-peer = client 상대
demo-sockets-col-server-local = server 로컬
demo-sockets-col-server-peer = server 상대
