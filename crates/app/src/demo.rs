//! Demo data generator (filled in below).
