//! `synack demo sockets` through the binary.
