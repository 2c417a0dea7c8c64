# IPv4, NAT 모델(synack demo ip)이 답하는 연습 문제.

exercise-ip-host-count-title = CIDR의 사용 가능한 host 수: 2^(32−prefix) − 2 (/31: 2, /32: 1, RFC 3021)
exercise-ip-host-count-question = IPv4 CIDR { $cidr } 에서 host에 줄 수 있는 주소는 몇 개입니까? (/31, /32는 RFC 3021대로)
exercise-ip-host-count-why-32 = /32: host 하나 자체를 가리킵니다 → 1
exercise-ip-host-count-why-31 = /31: point-to-point 링크용, 두 주소 모두 host 주소입니다 (RFC 3021) → 2
exercise-ip-host-count-why = 2^(32−{ $prefix }) = { $addresses }개 주소에서 network 주소와 broadcast 주소를 빼면 { $hosts }

exercise-ip-network-title = CIDR의 network 주소: 주소 AND subnet mask
exercise-ip-network-question = IPv4 CIDR { $cidr } 의 network 주소는?
exercise-ip-network-explanation = 주소 { $address } AND mask { $mask } = { $network }: host 비트 { $bits }개는 모두 0

exercise-ip-broadcast-title = CIDR의 broadcast 주소: host 비트는 모두 1
exercise-ip-broadcast-question = IPv4 CIDR { $cidr } 의 broadcast 주소는?
exercise-ip-broadcast-explanation = network 주소 { $network } OR wildcard { $wildcard } = { $broadcast }: host 비트는 모두 1

exercise-ip-is-private-title = RFC 1918 사설 주소: 10/8, 172.16/12, 192.168/16 (100.64/10 CGNAT는 아님)
exercise-ip-is-private-question = 주소 { $address }: RFC 1918 사설 주소입니까? (yes/no; 100.64.0.0/10 CGNAT 공유 주소, loopback, link-local은 사설 주소가 아님)
exercise-ip-is-private-global = 특수 용도 범위가 아닌 global unicast 주소입니다 → no
exercise-ip-is-private-ranges = 이 주소가 속한 범위: { $ranges } → { $answer }

exercise-ip-prefix-for-hosts-title = host N개가 들어가는 가장 작은 subnet의 prefix 길이
exercise-ip-prefix-for-hosts-question = host { $hosts }대가 들어가는 가장 작은 IPv4 subnet의 prefix 길이는? (network, broadcast 주소 제외; /31, /32 제외)
exercise-ip-prefix-for-hosts-explanation = /{ $prefix }: 2^{ $bits } − 2 = { $usable } ≥ { $hosts }, 한 비트 더 긴 /{ $longer }: { $longer_usable }개뿐

exercise-ip-nat-mapping-title = NAT의 mapping 동작(RFC 4787): 새 목적지에도 같은 public port 재사용?
exercise-ip-nat-mapping-same-address = 같은 주소의 다른 port { $to }
exercise-ip-nat-mapping-other-address = 다른 주소 { $to }
exercise-ip-nat-mapping-question = NAT(mapping 동작: { $mapping }) 안쪽의 { $inside }에서 먼저 { $first }에, 이어서 { $second }에 보냅니다. 두 번째 패킷도 첫 번째와 같은 public 주소·port 번호로 나갑니까? (yes/no)
exercise-ip-nat-mapping-explanation = RFC 4787 §4.1의 mapping 재사용 조건. endpoint-independent: 목적지와 상관없이 항상, address-dependent: 목적지 주소가 같을 때만, address-and-port-dependent(symmetric): 목적지 주소와 port 번호가 모두 같을 때만. 첫 번째 { $first }, 두 번째 { $second } → { $answer }

exercise-ip-mask-title = prefix 길이와 subnet mask (점 표기)
exercise-ip-mask-question = prefix 길이 /{ $prefix } 의 IPv4 subnet mask를 점 표기로 쓰면?
exercise-ip-mask-explanation = 앞에서부터 1 비트 { $prefix }개, 나머지 0: { $binary } → { $mask }

exercise-ip-wildcard-title = wildcard mask: subnet mask의 비트 반전 (ACL, OSPF)
exercise-ip-wildcard-question = { $cidr } 의 wildcard mask는? (ACL, OSPF 설정에 쓰는 값)
exercise-ip-wildcard-explanation = subnet mask { $mask }의 비트 반전 = 255.255.255.255 − mask = { $wildcard }

exercise-ip-host-range-title = CIDR의 첫 host 주소와 마지막 host 주소
exercise-ip-host-range-question = { $cidr } 에서 host에 줄 수 있는 첫 주소와 마지막 주소는? ("첫 주소 - 마지막 주소"; /31, /32는 RFC 3021대로)
exercise-ip-host-range-explanation = network 주소 { $network } + 1부터 broadcast 주소 − 1까지 (/31: 두 주소 모두, /32: 그 주소 하나) → { $range }
