//! `synack demo handshake` through the binary.
