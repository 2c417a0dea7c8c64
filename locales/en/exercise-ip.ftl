# Exercises answered by the IPv4 and NAT models (synack demo ip).

exercise-ip-host-count-title = Usable hosts of a CIDR: 2^(32−prefix) − 2 (/31: 2, /32: 1, RFC 3021)
exercise-ip-host-count-question = How many usable host addresses are in the IPv4 CIDR { $cidr }? (/31 and /32 as RFC 3021 has them)
exercise-ip-host-count-why-32 = A /32 names one host itself → 1
exercise-ip-host-count-why-31 = A /31 is for point-to-point links: both addresses are hosts (RFC 3021) → 2
exercise-ip-host-count-why = 2^(32−{ $prefix }) = { $addresses } addresses, less the network and the broadcast address: { $hosts }

exercise-ip-network-title = The network address of a CIDR: the address AND the subnet mask
exercise-ip-network-question = What is the network address of the IPv4 CIDR { $cidr }?
exercise-ip-network-explanation = Address { $address } AND mask { $mask } = { $network }: all { $bits } host bits are 0

exercise-ip-broadcast-title = The broadcast address of a CIDR: every host bit 1
exercise-ip-broadcast-question = What is the broadcast address of the IPv4 CIDR { $cidr }?
exercise-ip-broadcast-explanation = Network address { $network } OR wildcard { $wildcard } = { $broadcast }: every host bit is 1

exercise-ip-is-private-title = RFC 1918 private addresses: 10/8, 172.16/12, 192.168/16 (not the 100.64/10 CGNAT block)
exercise-ip-is-private-question = Is { $address } an RFC 1918 private address? (yes/no; CGNAT 100.64.0.0/10, loopback and link-local are not)
exercise-ip-is-private-global = A global unicast address, in no special-purpose block → no
exercise-ip-is-private-ranges = The address is in { $ranges } → { $answer }

exercise-ip-prefix-for-hosts-title = The prefix length of the smallest subnet that holds N hosts
exercise-ip-prefix-for-hosts-question = What is the prefix length of the smallest IPv4 subnet that holds { $hosts } hosts (network and broadcast excluded; no /31 or /32)?
exercise-ip-prefix-for-hosts-explanation = /{ $prefix }: 2^{ $bits } − 2 = { $usable } ≥ { $hosts }; one bit longer, a /{ $longer } holds only { $longer_usable }

exercise-ip-nat-mapping-title = A NAT's mapping behaviour (RFC 4787): the same public port for a new destination?
exercise-ip-nat-mapping-same-address = the same address on another port, { $to }
exercise-ip-nat-mapping-other-address = another address, { $to }
exercise-ip-nat-mapping-question = Behind a NAT with { $mapping } mapping, { $inside } sends to { $first } and then to { $second }. Does the second packet leave from the same public address and port? (yes/no)
exercise-ip-nat-mapping-explanation = When RFC 4787 §4.1 reuses a mapping. endpoint-independent: for any destination; address-dependent: only for the same destination address; address-and-port-dependent (symmetric): only for the same destination address and port. First { $first }, second { $second } → { $answer }

exercise-ip-mask-title = Prefix length and subnet mask (dotted notation)
exercise-ip-mask-question = What is the IPv4 subnet mask of a /{ $prefix }, in dotted notation?
exercise-ip-mask-explanation = { $prefix } one bits from the left, the rest 0: { $binary } → { $mask }

exercise-ip-wildcard-title = Wildcard mask: the subnet mask's bits inverted (ACLs, OSPF)
exercise-ip-wildcard-question = What is the wildcard mask of { $cidr } (as ACLs and OSPF take it)?
exercise-ip-wildcard-explanation = The bits of subnet mask { $mask } inverted = 255.255.255.255 − mask = { $wildcard }

exercise-ip-host-range-title = The first and the last host address of a CIDR
exercise-ip-host-range-question = What are the first and the last usable host addresses of { $cidr }? ("first - last"; /31 and /32 as RFC 3021 has them)
exercise-ip-host-range-explanation = From network address { $network } + 1 to the broadcast address − 1 (a /31: both addresses, a /32: its one address) → { $range }
