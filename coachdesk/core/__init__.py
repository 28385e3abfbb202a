"""Pure domain rules: PSS-10, the course, the job plan's vocabulary. No I/O, no Qt."""
