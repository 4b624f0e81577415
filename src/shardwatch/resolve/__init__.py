"""Resolution: records of one or many articles merged into what they are about."""
