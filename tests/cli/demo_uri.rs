//! `synack demo uri` through the binary.
