# The NAT model's options (src/sim/network/nat.rs), shown by --help of the
# demos that take --mapping and --filtering.

demo-nat-mapping-ei = One public port per inside endpoint, whatever the destination (REQ-1)
demo-nat-mapping-ad = A new public port for each destination address
demo-nat-mapping-apd = A new public port for each destination address and port ("symmetric")
demo-nat-filtering-ei = From anyone, once the mapping exists
demo-nat-filtering-ad = Only from addresses the inside endpoint has sent to
demo-nat-filtering-apd = Only from the exact address and port it has sent to
