# The NAT model's options (src/sim/network/nat.rs), shown by --help of the
# demos that take --mapping and --filtering.

demo-nat-mapping-ei = inside endpoint마다 공인 port 하나, 목적지와 상관없음 (REQ-1)
demo-nat-mapping-ad = 목적지 주소마다 새 공인 port
demo-nat-mapping-apd = 목적지 주소와 port마다 새 공인 port ("symmetric")
demo-nat-filtering-ei = mapping이 생긴 뒤에는 누구에게서든 받음
demo-nat-filtering-ad = inside endpoint가 보낸 적 있는 주소에서만 받음
demo-nat-filtering-apd = 보낸 적 있는 바로 그 주소와 port에서만 받음
