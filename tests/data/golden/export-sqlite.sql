CREATE TABLE "agreements" (
  "id" TEXT NOT NULL,
  "title" TEXT,
  "kind" TEXT,
  "certainty" TEXT,
  "scope_area" TEXT,
  "proposed" TEXT,
  "announced" TEXT,
  "signed" TEXT,
  "effective" TEXT,
  "ended" TEXT,
  "start_earliest" TEXT,
  "start_latest" TEXT,
  "outcome_status" TEXT,
  "outcome_date" TEXT,
  "ended_by" TEXT,
  "aliases" TEXT,
  "pax_agt_id" INTEGER,
  "sources" TEXT,
  PRIMARY KEY ("id"),
  FOREIGN KEY ("ended_by") REFERENCES "events" ("id")
);
CREATE INDEX "agreements_ended_by" ON "agreements" ("ended_by");
CREATE TABLE "participants" (
  "agreement" TEXT NOT NULL,
  "actor" TEXT NOT NULL,
  "actor_name" TEXT,
  "role" TEXT NOT NULL,
  "contested" INTEGER CHECK ("contested" IN (0, 1)),
  "name_used" TEXT,
  "represented_by" TEXT,
  "sources" TEXT,
  "background_only" INTEGER CHECK ("background_only" IN (0, 1)),
  PRIMARY KEY ("agreement", "actor", "role"),
  FOREIGN KEY ("agreement") REFERENCES "agreements" ("id"),
  FOREIGN KEY ("actor") REFERENCES "actors" ("id")
);
CREATE INDEX "participants_agreement" ON "participants" ("agreement");
CREATE INDEX "participants_actor" ON "participants" ("actor");
CREATE TABLE "exclusions" (
  "agreement" TEXT NOT NULL,
  "actor" TEXT NOT NULL,
  "actor_name" TEXT,
  "scope" TEXT NOT NULL,
  "manner" TEXT NOT NULL,
  "contested" INTEGER CHECK ("contested" IN (0, 1)),
  "name_used" TEXT,
  "sources" TEXT,
  "background_only" INTEGER CHECK ("background_only" IN (0, 1)),
  PRIMARY KEY ("agreement", "actor", "scope", "manner"),
  FOREIGN KEY ("agreement") REFERENCES "agreements" ("id"),
  FOREIGN KEY ("actor") REFERENCES "actors" ("id")
);
CREATE INDEX "exclusions_agreement" ON "exclusions" ("agreement");
CREATE INDEX "exclusions_actor" ON "exclusions" ("actor");
CREATE TABLE "positions" (
  "agreement" TEXT,
  "actor" TEXT,
  "actor_name" TEXT,
  "stance" TEXT,
  "date" TEXT,
  "date_earliest" TEXT,
  "date_latest" TEXT,
  "contested" INTEGER CHECK ("contested" IN (0, 1)),
  "sources" TEXT,
  "background_only" INTEGER CHECK ("background_only" IN (0, 1)),
  FOREIGN KEY ("agreement") REFERENCES "agreements" ("id"),
  FOREIGN KEY ("actor") REFERENCES "actors" ("id")
);
CREATE INDEX "positions_agreement" ON "positions" ("agreement");
CREATE INDEX "positions_actor" ON "positions" ("actor");
CREATE TABLE "terms" (
  "agreement" TEXT NOT NULL,
  "term" TEXT NOT NULL,
  "kind" TEXT,
  "text" TEXT,
  "obligations" TEXT,
  "deadline" TEXT,
  "condition" TEXT,
  "status" TEXT,
  "contested" INTEGER CHECK ("contested" IN (0, 1)),
  "sources" TEXT,
  "background_only" INTEGER CHECK ("background_only" IN (0, 1)),
  PRIMARY KEY ("agreement", "term"),
  FOREIGN KEY ("agreement") REFERENCES "agreements" ("id")
);
CREATE INDEX "terms_agreement" ON "terms" ("agreement");
CREATE TABLE "events" (
  "id" TEXT NOT NULL,
  "date" TEXT,
  "date_earliest" TEXT,
  "date_latest" TEXT,
  "date_precision" TEXT,
  "kind" TEXT,
  "status" TEXT,
  "summary" TEXT,
  "place" TEXT,
  "actors" TEXT,
  "targets" TEXT,
  "fatalities_min" INTEGER,
  "fatalities_max" INTEGER,
  "contested" INTEGER CHECK ("contested" IN (0, 1)),
  "sources" TEXT,
  "background_only" INTEGER CHECK ("background_only" IN (0, 1)),
  PRIMARY KEY ("id")
);
CREATE TABLE "event_agreements" (
  "event" TEXT NOT NULL,
  "agreement" TEXT NOT NULL,
  "effect" TEXT NOT NULL,
  "contested" INTEGER CHECK ("contested" IN (0, 1)),
  PRIMARY KEY ("event", "agreement", "effect"),
  FOREIGN KEY ("event") REFERENCES "events" ("id"),
  FOREIGN KEY ("agreement") REFERENCES "agreements" ("id")
);
CREATE INDEX "event_agreements_event" ON "event_agreements" ("event");
CREATE INDEX "event_agreements_agreement" ON "event_agreements" ("agreement");
CREATE TABLE "citations" (
  "record_kind" TEXT,
  "record" TEXT,
  "claim" TEXT,
  "source" TEXT,
  "source_kind" TEXT,
  "locator" TEXT,
  "basis" TEXT,
  "quote" TEXT
);
CREATE TABLE "actors" (
  "id" TEXT NOT NULL,
  "kind" TEXT,
  "name" TEXT,
  "aliases" TEXT,
  "dated_names" TEXT,
  "coalitions" TEXT,
  "wikidata" TEXT,
  "ucdp" TEXT,
  "acled" TEXT,
  "sources" TEXT,
  PRIMARY KEY ("id")
);
