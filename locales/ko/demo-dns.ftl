# synack demo dns (src/sim/web/dns/)

demo-dns-about = 이름을 반복 질의로 해석합니다 (stub → recursive → root → TLD → authoritative, loopback server), 그다음 cache에서 다시
demo-dns-opt-name = 해석할 이름 (함께 들어 있는 zone에는 www, web, rr, many가 있고, example.com 아래의 다른 이름은 NXDOMAIN)
demo-dns-opt-after = 첫 lookup에서 이만큼의 시뮬레이션 초가 지난 뒤 한 번 더 찾습니다: TTL이 지나면 cache에서 사라져 있습니다
demo-dns-opt-round-robin = client 여섯이 resolver를 거쳐 rr.example.com(A record 세 개, TTL 60)을 찾습니다: 순서가 도는 모습과 cache가 분산을 치우치게 하는 모습
demo-dns-err-name = dns: 이름 { $name }: { $error }

demo-dns-truncated = TC=1: 512 bytes에 다 들어가지 않음
demo-dns-more = { $shown } 외 { $more }개
demo-dns-iterative-note = UDP → { $role } ({ $host }), RD=0: 반복 질의
demo-dns-query-header = 위 바이트를 hickory-proto로 읽은 header
demo-dns-udp-limit = UDP 응답은 { $limit } bytes 이하여야 합니다 (RFC 1035 §4.2.1). TC bit를 보고 TCP로 다시 묻습니다 (RFC 7766)
demo-dns-tcp-answer = TCP로 받은 응답: { $size } bytes, A record { $count }개
demo-dns-aa-header = { $role }의 응답 header: AA=1
demo-dns-cache-hit = cache hit: upstream 질의 없음. 남은 TTL: { $ttls }

demo-dns-run-title = DNS: { $qname } 반복 질의(iterative resolution)와 cache
demo-dns-col-role = 역할
demo-dns-col-name = 이름
demo-dns-col-address = loopback 주소
demo-dns-by-port = 127.0.0.1 (포트로 구분)
demo-dns-intro = root, TLD(com.), authoritative(example.com.) name server는 이 프로세스 안의 thread이고, data/dns/zones.txt의 zone data로만 답합니다 (실제 인터넷에 묻지 않음). 포트는 OS가 고르므로 역할 이름으로만 보여 줍니다. 시간은 시뮬레이션 시계이고 TTL은 그 시계로 줄어듭니다.
demo-dns-first-lookup = t=0 s: 첫 lookup, cache가 비어 있음
demo-dns-again = t={ $t } s: 같은 이름을 다시
demo-dns-after-heading = t={ $t } s: --after { $t }
demo-dns-still-cached = 아직 모든 TTL이 남아 있어 cache에서 답했습니다.
demo-dns-expired = TTL이 지난 record는 cache에서 사라져 다시 물었습니다 (upstream 질의 { $upstream }번). 아직 살아 있는 NS와 glue 덕분에 root부터 다시 시작하지는 않습니다.
demo-dns-cname = CNAME: 질의한 이름은 다른 이름의 별칭입니다. authoritative server가 같은 zone 안의 대상 A record까지 함께 답했고, recursive는 CNAME과 A를 각자의 TTL로 cache합니다.
demo-dns-nxdomain = NXDOMAIN: 그런 이름이 없습니다. authority section의 SOA로 부정 응답도 cache합니다: negative TTL = min(SOA TTL, SOA MINIMUM) = { $ttl } s (RFC 2308 §5).
demo-dns-iterative = stub은 recursive에게 RD=1(재귀 요청)로 한 번 묻고, recursive가 root → TLD → authoritative로 반복 질의합니다. root와 TLD는 답 대신 referral(authority의 NS와 additional의 glue A)을 주고 AA=0입니다. 그 zone의 주인인 authoritative만 AA=1로 답합니다.

demo-dns-rr-intro = rr.example.com에는 A record가 세 개(TTL 60 s)이고, authoritative server는 물을 때마다 순서를 한 칸씩 돌립니다 (BIND의 rrset-order cyclic). client는 보통 첫 주소로 연결합니다.
demo-dns-col-first = 첫 주소
demo-dns-yes = 예
demo-dns-no = 아니요
demo-dns-via-title = recursive resolver를 거친 6번의 lookup
demo-dns-direct = 비교: 같은 6번을 cache 없이 authoritative에 직접 물으면
demo-dns-col-via = resolver cache를 거침
demo-dns-col-direct = authoritative에 직접
demo-dns-spread-title = 첫 주소로 간 client 수
demo-dns-rr-outro = 직접 물으면 세 주소가 고르게 돌아가지만, resolver는 TTL 동안 cache한 답을 그대로 돌려주므로 그 사이의 client는 모두 같은 첫 주소로 갑니다. 한 resolver 뒤에 사용자가 많을수록 분산이 치우치고, DNS round robin은 server가 죽어도 알지 못합니다 (health check 없음): 그래서 앞단에 로드 밸런서를 둡니다.
demo-dns-col-address-short = 주소

# What failed, in the rare error of a socket or a library (after "dns: ").
demo-dns-io-bind-tcp = 127.0.0.1에 TCP listener 열기
demo-dns-io-bind-udp = 127.0.0.1에 UDP socket 열기
demo-dns-io-bind-resolver = resolver의 socket 열기
demo-dns-io-connect = TCP로 연결하기
demo-dns-io-port = 포트 읽기
demo-dns-io-read-tcp = TCP로 읽기
demo-dns-io-send = 질의 보내기
demo-dns-io-send-tcp = TCP로 보내기
demo-dns-io-timeout = timeout 설정하기
demo-dns-io-wait = 응답 기다리기
