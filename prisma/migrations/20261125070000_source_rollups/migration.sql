-- Source views read pre-aggregated figures kept current by triggers, so that
-- the sources index and a source page answer in milliseconds over millions of
-- spans, and a new annotation counts in the same transaction that writes it.
--
-- Layers: an annotator's own id; the nil UUID for gold; two more sentinels
-- only in the rollups: "all annotators" (ffffffff-…, each article contributes
-- the mean over its annotators of their span counts) and "corpus" (…-000000000001,
-- coverage of every article, annotated or not).
-- Months: the first day of the publication month, '-infinity' when undated.
-- Kinds: the attribution kind (named / anonymous / vague) or ''. In the source
-- rollup, kind '*' holds the label's total over all kinds.

-- CreateTable
CREATE TABLE "ArticleSpanCount" (
    "articleId" UUID NOT NULL,
    "layer" UUID NOT NULL,
    "labelId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "spans" INTEGER NOT NULL,

    CONSTRAINT "ArticleSpanCount_pkey" PRIMARY KEY ("articleId","layer","labelId","kind")
);

-- CreateTable
CREATE TABLE "SourceLabelRollup" (
    "layer" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "labelId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "spans" DOUBLE PRECISION NOT NULL,
    "articles" INTEGER NOT NULL,

    CONSTRAINT "SourceLabelRollup_pkey" PRIMARY KEY ("layer","sourceId","month","labelId","kind")
);

-- CreateTable
CREATE TABLE "SourceCoverageRollup" (
    "layer" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "articles" INTEGER NOT NULL,
    "words" BIGINT NOT NULL,

    CONSTRAINT "SourceCoverageRollup_pkey" PRIMARY KEY ("layer","sourceId","month")
);

-- AddForeignKey
ALTER TABLE "ArticleSpanCount" ADD CONSTRAINT "ArticleSpanCount_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written from here: the functions and triggers that keep the three tables current.

CREATE FUNCTION slant_month(d date) RETURNS date IMMUTABLE LANGUAGE sql AS $$
    SELECT COALESCE(d - (extract(day FROM d)::int - 1), '-infinity'::date)
$$;

CREATE FUNCTION slant_kind(attributes jsonb) RETURNS text IMMUTABLE LANGUAGE sql AS $$
    SELECT CASE WHEN attributes->>'kind' IN ('named', 'anonymous', 'vague') THEN attributes->>'kind' ELSE '' END
$$;

-- An article's contributions before (phase 0) and after (phase 1) adding p_delta
-- spans to one (layer, label, kind). A NULL label marks a coverage row: the layer
-- has at least one span in the article (corpus: always).
CREATE FUNCTION slant_article_layers(p_article uuid, p_layer uuid, p_label uuid, p_kind text, p_delta int)
RETURNS TABLE (phase int, layer uuid, "labelId" uuid, kind text, spans float8) STABLE LANGUAGE sql AS $$
    WITH stored AS (
        SELECT c.layer, c."labelId", c.kind, c.spans FROM "ArticleSpanCount" c WHERE c."articleId" = p_article
    ), states AS (
        SELECT 0 AS phase, s.layer, s."labelId", s.kind, s.spans FROM stored s WHERE s.spans > 0
        UNION ALL
        SELECT 1, x.layer, x."labelId", x.kind, sum(x.spans)::int FROM (
            SELECT * FROM stored UNION ALL SELECT p_layer, p_label, p_kind, p_delta WHERE p_delta <> 0
        ) x GROUP BY x.layer, x."labelId", x.kind HAVING sum(x.spans) > 0
    ), annotators AS (
        SELECT s.phase, count(DISTINCT s.layer)::float8 AS n FROM states s
        WHERE s.layer <> '00000000-0000-0000-0000-000000000000' GROUP BY s.phase
    ), contributions AS (
        SELECT s.phase, s.layer, s."labelId", s.kind, s.spans::float8 AS spans FROM states s
        UNION ALL
        SELECT s.phase, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid, s."labelId", s.kind, sum(s.spans) / a.n
        FROM states s JOIN annotators a ON a.phase = s.phase
        WHERE s.layer <> '00000000-0000-0000-0000-000000000000'
        GROUP BY s.phase, s."labelId", s.kind, a.n
    )
    SELECT c.phase, c.layer, c."labelId", '*', sum(c.spans) FROM contributions c GROUP BY c.phase, c.layer, c."labelId"
    UNION ALL
    SELECT c.phase, c.layer, c."labelId", c.kind, c.spans FROM contributions c WHERE c.kind <> ''
    UNION ALL
    SELECT DISTINCT c.phase, c.layer, NULL::uuid, '', 0::float8 FROM contributions c
    UNION ALL
    SELECT p.phase, '00000000-0000-0000-0000-000000000001'::uuid, NULL::uuid, '', 0::float8 FROM (VALUES (0), (1)) p(phase)
$$;

-- Adds p_signs[phase + 1] × each contribution to the source rollups, for the
-- layers named (NULL: every layer). Rows are written in key order so that
-- concurrent writers lock them in the same order.
CREATE FUNCTION slant_apply(p_article uuid, p_source uuid, p_month date, p_words int, p_signs int[], p_layers uuid[],
                            p_layer uuid, p_label uuid, p_kind text, p_delta int)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "SourceCoverageRollup" AS r ("layer", "sourceId", "month", "articles", "words")
    SELECT t.layer, p_source, p_month, t.d, t.d::bigint * p_words FROM (
        SELECT l.layer, sum(p_signs[l.phase + 1])::int AS d
        FROM slant_article_layers(p_article, p_layer, p_label, p_kind, p_delta) l
        WHERE l."labelId" IS NULL AND (p_layers IS NULL OR l.layer = ANY (p_layers))
        GROUP BY l.layer
    ) t WHERE t.d <> 0 ORDER BY t.layer
    ON CONFLICT ("layer", "sourceId", "month") DO UPDATE SET articles = r.articles + excluded.articles, words = r.words + excluded.words;

    INSERT INTO "SourceLabelRollup" AS r ("layer", "sourceId", "month", "labelId", "kind", "spans", "articles")
    SELECT l.layer, p_source, p_month, l."labelId", l.kind, sum(p_signs[l.phase + 1] * l.spans), sum(p_signs[l.phase + 1])::int
    FROM slant_article_layers(p_article, p_layer, p_label, p_kind, p_delta) l
    WHERE l."labelId" IS NOT NULL AND (p_layers IS NULL OR l.layer = ANY (p_layers))
    GROUP BY l.layer, l."labelId", l.kind
    HAVING sum(p_signs[l.phase + 1] * l.spans) <> 0 OR sum(p_signs[l.phase + 1]) <> 0
    ORDER BY 1, 4, 5
    ON CONFLICT ("layer", "sourceId", "month", "labelId", "kind") DO UPDATE SET spans = r.spans + excluded.spans, articles = r.articles + excluded.articles;
END $$;

-- One live span more (p_delta = 1) or less (-1) in an article's layer.
CREATE FUNCTION slant_count_span(p_article uuid, p_layer uuid, p_label uuid, p_kind text, p_delta int)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    a record;
    gold constant uuid := '00000000-0000-0000-0000-000000000000';
BEGIN
    -- One writer per article at a time: the all-annotators mean depends on every layer of the article.
    SELECT "sourceId" AS source, slant_month("publishedAt") AS month, "wordCount" AS words INTO a
    FROM "Article" WHERE id = p_article FOR NO KEY UPDATE;
    IF NOT FOUND THEN RETURN; END IF; -- the article is being deleted: its BEFORE DELETE trigger removed its figures
    PERFORM slant_apply(p_article, a.source, a.month, a.words, ARRAY[-1, 1],
        CASE WHEN p_layer = gold THEN ARRAY[gold] ELSE ARRAY[p_layer, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid] END,
        p_layer, p_label, p_kind, p_delta);
    INSERT INTO "ArticleSpanCount" AS c VALUES (p_article, p_layer, p_label, p_kind, p_delta)
    ON CONFLICT ("articleId", "layer", "labelId", "kind") DO UPDATE SET spans = c.spans + excluded.spans;
    DELETE FROM "ArticleSpanCount" c
    WHERE c."articleId" = p_article AND c.layer = p_layer AND c."labelId" = p_label AND c.kind = p_kind AND c.spans <= 0;
END $$;

CREATE FUNCTION slant_span_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    gold constant boolean := TG_TABLE_NAME = 'GoldAnnotation';
    old_layer uuid;
    new_layer uuid;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        old_layer := CASE WHEN gold THEN '00000000-0000-0000-0000-000000000000'::uuid ELSE (to_jsonb(OLD)->>'annotatorId')::uuid END;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_layer := CASE WHEN gold THEN '00000000-0000-0000-0000-000000000000'::uuid ELSE (to_jsonb(NEW)->>'annotatorId')::uuid END;
    END IF;
    IF TG_OP = 'UPDATE' AND (OLD."deletedAt" IS NULL) = (NEW."deletedAt" IS NULL) AND OLD."articleId" = NEW."articleId"
       AND old_layer = new_layer AND OLD."labelId" = NEW."labelId" AND slant_kind(OLD.attributes) = slant_kind(NEW.attributes) THEN
        RETURN NULL; -- nothing the figures count has changed (a note, offsets, a version bump)
    END IF;
    IF TG_OP <> 'INSERT' AND OLD."deletedAt" IS NULL THEN
        PERFORM slant_count_span(OLD."articleId", old_layer, OLD."labelId", slant_kind(OLD.attributes), -1);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW."deletedAt" IS NULL THEN
        PERFORM slant_count_span(NEW."articleId", new_layer, NEW."labelId", slant_kind(NEW.attributes), 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER "Annotation_source_rollup"
    AFTER INSERT OR DELETE OR UPDATE OF "articleId", "annotatorId", "labelId", "attributes", "deletedAt" ON "Annotation"
    FOR EACH ROW EXECUTE FUNCTION slant_span_rollup();

CREATE TRIGGER "GoldAnnotation_source_rollup"
    AFTER INSERT OR DELETE OR UPDATE OF "articleId", "labelId", "attributes", "deletedAt" ON "GoldAnnotation"
    FOR EACH ROW EXECUTE FUNCTION slant_span_rollup();

-- Articles: counted in the corpus when inserted; moved when their source, month or
-- length changes; removed (with all their layers) before they are deleted.
CREATE FUNCTION slant_article_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM slant_apply(OLD.id, OLD."sourceId", slant_month(OLD."publishedAt"), OLD."wordCount", ARRAY[-1, 0], NULL, NULL, NULL, '', 0);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM slant_apply(NEW.id, NEW."sourceId", slant_month(NEW."publishedAt"), NEW."wordCount", ARRAY[1, 0], NULL, NULL, NULL, '', 0);
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END;
END $$;

CREATE TRIGGER "Article_source_rollup_insert" AFTER INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION slant_article_rollup();
CREATE TRIGGER "Article_source_rollup_update" AFTER UPDATE OF "sourceId", "publishedAt", "wordCount" ON "Article"
    FOR EACH ROW WHEN ((OLD."sourceId", slant_month(OLD."publishedAt"), OLD."wordCount") IS DISTINCT FROM (NEW."sourceId", slant_month(NEW."publishedAt"), NEW."wordCount"))
    EXECUTE FUNCTION slant_article_rollup();
CREATE TRIGGER "Article_source_rollup_delete" BEFORE DELETE ON "Article" FOR EACH ROW EXECUTE FUNCTION slant_article_rollup();

-- Recomputes all three tables from scratch, set-based: the backfill below, and
-- after bulk loads that ran with the triggers disabled (bench/sources.ts).
CREATE FUNCTION slant_rebuild_source_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE "ArticleSpanCount", "SourceLabelRollup", "SourceCoverageRollup";
    INSERT INTO "ArticleSpanCount"
    SELECT "articleId", "annotatorId", "labelId", slant_kind(attributes), count(*) FROM "Annotation" WHERE "deletedAt" IS NULL GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT "articleId", '00000000-0000-0000-0000-000000000000'::uuid, "labelId", slant_kind(attributes), count(*) FROM "GoldAnnotation" WHERE "deletedAt" IS NULL GROUP BY 1, 2, 3, 4;

    WITH annotators AS (
        SELECT "articleId", count(DISTINCT layer)::float8 AS n FROM "ArticleSpanCount"
        WHERE layer <> '00000000-0000-0000-0000-000000000000' GROUP BY "articleId"
    ), contributions AS (
        SELECT c."articleId", c.layer, c."labelId", c.kind, c.spans::float8 AS spans FROM "ArticleSpanCount" c
        UNION ALL
        SELECT c."articleId", 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid, c."labelId", c.kind, sum(c.spans) / a.n
        FROM "ArticleSpanCount" c JOIN annotators a USING ("articleId")
        WHERE c.layer <> '00000000-0000-0000-0000-000000000000' GROUP BY c."articleId", c."labelId", c.kind, a.n
    ), per_article AS (
        SELECT "articleId", layer, "labelId", '*' AS kind, sum(spans) AS spans FROM contributions GROUP BY 1, 2, 3
        UNION ALL
        SELECT "articleId", layer, "labelId", kind, spans FROM contributions WHERE kind <> ''
    )
    INSERT INTO "SourceLabelRollup"
    SELECT p.layer, a."sourceId", slant_month(a."publishedAt"), p."labelId", p.kind, sum(p.spans), count(*)
    FROM per_article p JOIN "Article" a ON a.id = p."articleId" GROUP BY 1, 2, 3, 4, 5;

    INSERT INTO "SourceCoverageRollup"
    SELECT c.layer, a."sourceId", slant_month(a."publishedAt"), count(*), sum(a."wordCount")
    FROM (
        SELECT DISTINCT "articleId", layer FROM "ArticleSpanCount"
        UNION ALL
        SELECT DISTINCT "articleId", 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid FROM "ArticleSpanCount" WHERE layer <> '00000000-0000-0000-0000-000000000000'
        UNION ALL
        SELECT id, '00000000-0000-0000-0000-000000000001'::uuid FROM "Article"
    ) c JOIN "Article" a ON a.id = c."articleId" GROUP BY 1, 2, 3;
END $$;

SELECT slant_rebuild_source_rollups();
