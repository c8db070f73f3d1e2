"""newsgraph test suite: real parts, no mocks of our own components."""
