# Exercises answered by the URI model (synack demo uri).

exercise-uri-same-origin-title = Same-origin policy: scheme, host and port must all match
exercise-uri-same-origin-question = Do these two URLs have the same origin? a = { $a } , b = { $b } (yes, or no and which of scheme/host/port differ)
exercise-uri-same-origin-explanation = An origin is the tuple (scheme, host, port) (RFC 6454, WHATWG URL): a = { $a }, b = { $b }. Hosts compare in lower case, a default port counts as written out, and the path does not matter.

exercise-uri-port-title = The port a URL connects to: the one written, else the scheme's default
exercise-uri-port-question = Which TCP port does this URL connect to? { $url }
exercise-uri-port-explicit = The URL writes its port → { $port }
exercise-uri-port-default = No port written (or the default one, which is dropped): the default port of { $scheme } → { $port }

exercise-uri-resolve-title = Resolving a relative reference (RFC 3986 5.2)
exercise-uri-resolve-question = Resolve the reference "{ $reference }" against the base URI { $base } (RFC 3986 5.2).
exercise-uri-resolve-rule-scheme = the reference has a scheme → the reference as it is (dot segments removed)
exercise-uri-resolve-rule-network-path = no scheme, starts with //authority (network-path reference) → only the base's scheme is kept
exercise-uri-resolve-rule-empty-path = empty path → the base's path, and the reference's query if it has one, else the base's
exercise-uri-resolve-rule-absolute-path = the path starts with / (absolute-path reference) → the base's scheme and authority with this path
exercise-uri-resolve-rule-relative-path = a relative path (relative-path reference) → merged with the base path up to its last /, then dot segments removed
exercise-uri-resolve-explanation = RFC 3986 5.2.2: { $rule } = { $target }
exercise-uri-resolve-explanation-merged = RFC 3986 5.2.2: { $rule }, merged path { $merged } → remove_dot_segments = { $target }

exercise-uri-remove-dot-segments-title = Removing dot segments (. and ..) (RFC 3986 5.2.4)
exercise-uri-remove-dot-segments-question = What does { $path } become once its dot segments are removed (RFC 3986 5.2.4)?
exercise-uri-remove-dot-segments-explanation = Segments move over one by one from the left: a . is dropped, a .. removes the last segment of the output (never above the root): { $path }

exercise-uri-query-value-title = Decoding a query value: + is a space, %XX are UTF-8 bytes
exercise-uri-query-value-question = What is the value of { $key } in this URL's query, once decoded as application/x-www-form-urlencoded? { $url }
exercise-uri-query-value-explanation = Form decoding: + is a space, %XX is a byte, the bytes are UTF-8 → { $value }

exercise-uri-kind-title = URL, URN or another URI: an authority means a location (URL)
exercise-uri-kind-question = Is { $uri } a url, a urn, or another uri?
exercise-uri-kind-why-url = It has an authority (//host): it names a location
exercise-uri-kind-why-urn = The urn: scheme: a name, not a location
exercise-uri-kind-why-uri = A scheme but no authority: a URI that is neither a URL nor a URN
