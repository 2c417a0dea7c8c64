# synack demo tcp-vs-udp (src/sim/transport/tcp_vs_udp.rs)

demo-tcp-vs-udp-about = loopback의 진짜 socket으로 보는 TCP와 UDP: byte stream과 datagram, handshake, UDP의 connect(), 손실
demo-tcp-vs-udp-examples = 예:
demo-tcp-vs-udp-opt-drop = 시뮬레이션한 손실이 가져갈 datagram의 순번 (1~3)
demo-tcp-vs-udp-err-short = TCP: { $timeout } 안에 loopback으로 { $n } bytes 중 { $seen } bytes만 도착했습니다

demo-tcp-vs-udp-title-run = TCP와 UDP: 같은 세 메시지, 실제 loopback socket (127.0.0.1)
demo-tcp-vs-udp-intro = server와 client 모두 127.0.0.1에 OS가 고른 port로 열고, 화면에는 port 번호 대신 역할만 씁니다. TCP는 연결을 맺고 bytes의 흐름을 주고받으며, UDP는 연결 없이 datagram 하나하나를 따로 보냅니다.
demo-tcp-vs-udp-tcp-heading = TCP: 연결 설정, 그리고 byte stream
demo-tcp-vs-udp-connect-note = connect()는 3-way handshake가 끝나야 돌아옵니다 (RFC 9293 §3.5): 아래 세 segment는 kernel이 보낸 것이며, 캡처에는 권한이 필요해 여기서는 API가 돌아온 사실로 압니다.
demo-tcp-vs-udp-accept = accept(): 연결 하나
demo-tcp-vs-udp-data-note = TCP는 send() 경계를 보내지 않습니다: segment 수는 Nagle과 MSS가 정하고, 받는 쪽에는 순서대로 이어진 bytes만 있습니다.
demo-tcp-vs-udp-tcp-recv = recv() 1번: { $data } ({ $n } bytes)
demo-tcp-vs-udp-tcp-recv-note = 세 번 보낸 것이 recv() 한 번에 붙어서 나옵니다: 메시지를 나누려면 application이 길이나 구분자를 직접 넣어야 합니다 (HTTP의 Content-Length처럼).
demo-tcp-vs-udp-udp-heading = UDP: 연결 없음, datagram은 datagram으로
demo-tcp-vs-udp-sendto-at-once = socket() 뒤 바로 sendto()
demo-tcp-vs-udp-no-handshake = handshake가 없습니다: 첫 datagram 앞에 오가는 segment가 0개입니다 (RFC 768에는 연결이라는 개념이 없습니다).
demo-tcp-vs-udp-udp-recv = recv() { $i }번째: { $data } ({ $n } bytes)
demo-tcp-vs-udp-label-boundary = 경계
demo-tcp-vs-udp-boundary = recv() 한 번이 datagram 하나입니다: 세 번 보내면 세 번 받습니다. 대신 순서, 도착, 중복 없음은 보장하지 않습니다.
demo-tcp-vs-udp-loss-heading = UDP: { $k }번째 datagram을 잃으면 (시뮬레이션)
demo-tcp-vs-udp-lost-note = 가는 길에 사라짐 (이 demo가 보내지 않는 것으로 흉내 냅니다)
demo-tcp-vs-udp-loss-recv = recv() { $count }번: { $data }
demo-tcp-vs-udp-loss-note = ACK도 재전송도 없습니다: 잃은 datagram은 그냥 오지 않고, 알아채려면 application이 번호를 붙여야 합니다 (RTP, QUIC, DNS의 재시도처럼).
demo-tcp-vs-udp-unexpected = { $n } bytes (뜻밖의 응답)
demo-tcp-vs-udp-nothing = 아무것도 오지 않음 (timeout)
demo-tcp-vs-udp-connect-heading = UDP의 connect(): 상대를 정해 둘 뿐, 패킷은 없습니다
demo-tcp-vs-udp-closed-port = 닫힌 port
demo-tcp-vs-udp-sendto-unconnected = sendto("ping"), connect() 없이
demo-tcp-vs-udp-unconnected-note = 연결되지 않은 UDP socket은 ICMP 오류를 받아도 application에 알리지 않습니다: 어느 상대에게 보낸 것의 오류인지 socket이 고를 수 없기 때문입니다.
demo-tcp-vs-udp-connect-closed = connect(닫힌 port)
demo-tcp-vs-udp-connect-closed-note = segment 없음: kernel이 상대 주소를 기억하고, 그 상대의 datagram만 받게 될 뿐입니다.
demo-tcp-vs-udp-refused-note = 연결된 UDP socket에는 ICMP port unreachable이 다음 recv()의 오류로 올라옵니다 (Linux의 loopback에서는 매번 그렇습니다). TCP라면 같은 경우에 RST가 와서 connect()가 실패합니다.
demo-tcp-vs-udp-not-refused-note = 이 system에서는 ICMP 오류가 recv()까지 올라오지 않았습니다: 올라오는지는 OS와 경로에 달렸고, Linux의 loopback에서는 ECONNREFUSED가 옵니다.
demo-tcp-vs-udp-label-summary = 정리
demo-tcp-vs-udp-summary-text = handshake 전 segment: TCP 3개, UDP 0개. 메시지 경계: TCP 없음 (byte stream), UDP 있음 (datagram). 손실: TCP는 재전송, UDP는 그대로 사라짐.
