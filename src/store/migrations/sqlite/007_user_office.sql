-- An investment officer may belong to a liaison office (驻外招商联络处) and
-- then writes the office's leads as well as their own.
ALTER TABLE users ADD COLUMN office_id INTEGER REFERENCES liaison_offices(id);
