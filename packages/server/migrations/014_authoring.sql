-- Authoring: published course versions (immutable), each course's review, and the repository of shared
-- learning objects. A version row is written once: a trigger refuses UPDATE and DELETE, so history can
-- only grow (a roll back is a new version with an old version's content).
CREATE TABLE course_versions (
  tenant_id text NOT NULL,
  course_id text NOT NULL,
  number integer NOT NULL CHECK (number > 0),
  -- What learners get (shared objects resolved), what the author wrote (references kept), what changed.
  content jsonb NOT NULL,
  source jsonb NOT NULL,
  changes jsonb NOT NULL,
  objects text[] NOT NULL DEFAULT '{}',
  note text,
  rolled_back_from integer,
  published_by text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, course_id, number)
);
CREATE INDEX course_versions_objects ON course_versions USING gin (objects);

CREATE FUNCTION course_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'course versions are immutable: publish a new version instead';
END $$;
CREATE TRIGGER course_versions_immutable BEFORE UPDATE OR DELETE ON course_versions
  FOR EACH ROW EXECUTE FUNCTION course_versions_immutable();

-- The version learners get (the newest, a roll back included).
ALTER TABLE courses ADD COLUMN published_version integer;

CREATE TABLE course_reviews (
  tenant_id text NOT NULL,
  course_id text NOT NULL,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'in-review', 'published')),
  draft jsonb,
  comments jsonb NOT NULL DEFAULT '[]',
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, course_id)
);

CREATE TABLE learning_objects (
  tenant_id text NOT NULL,
  id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('lesson', 'question', 'media')),
  title text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  content jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX learning_objects_tags ON learning_objects USING gin (tags);
