-- The source figures' functions, triggers and views: repeatable SQL (decision
-- 0015). Every statement here is CREATE OR REPLACE, and the migration runner
-- (lib/db/migrate.ts) applies the whole file, under its lock, whenever its
-- checksum differs from the one recorded in "_slant_repeatable", then rebuilds
-- the figures from the spans (a change here may change what they count).
-- Tables, types and indexes stay in prisma/migrations.
--
-- How the figures are kept (decision 0016): a write to a span, an article or
-- an assignment only appends to the change log "RollupDelta" (triggers below);
-- slant_fold_rollups(), run in the background, moves a batch of the log into
-- the per-article state and the source rollups; readers add
-- slant_pending_figures() (what the log not folded yet changes) in the same
-- statement, so a saved span counts in the very next read.
--
-- Layers: an annotator's id; 00000000-…-000000000000 gold; ffffffff-… all
-- annotators (each article: the mean over the article's raters); 00000000-…
-- -000000000001 the corpus (coverage only). Months: the first day of the
-- publication month, '-infinity' undated, 'infinity' the all-time bucket.
--
-- Nothing here normalizes text: a span's keys (attribution kind, normalized
-- quote and speaker, speaker as written) are computed in TypeScript when it is
-- written (lib/aggregates/normalize.ts) and stored on the span row; SQL groups
-- by those columns. Which label's spans are expressions or attributions is
-- "Label".role.

CREATE OR REPLACE FUNCTION slant_month(d date) RETURNS date IMMUTABLE LANGUAGE sql AS $$
    SELECT COALESCE(d - (extract(day FROM d)::int - 1), '-infinity'::date)
$$;

-- Who rated an article (decision 0014): every annotator with a live span on
-- it, and everyone whose assignment says they started or submitted it, spans
-- or not. The compare view, the agreement report, the per-source agreement and
-- the all-annotators mean all count these.
CREATE OR REPLACE VIEW "ArticleRater" AS
    SELECT x."articleId", x."annotatorId" AS "raterId" FROM "Annotation" x WHERE x."deletedAt" IS NULL
    UNION
    SELECT s."articleId", s."userId" FROM "Assignment" s WHERE s.status IN ('IN_PROGRESS', 'SUBMITTED');

-- Which of a span's stored keys is its expression, by its label's role: the
-- quote (EXPRESSIONS), the speaker (ATTRIBUTIONS, kept with the speaker as
-- written; a NULL speaker marks an expression that is not an attribution), or
-- none. The one place this rule is written; the row and the statement
-- triggers below both use it.
CREATE OR REPLACE FUNCTION slant_delta_expression(p_role text, p_quote_key text, p_speaker_key text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
    SELECT CASE p_role WHEN 'EXPRESSIONS' THEN p_quote_key WHEN 'ATTRIBUTIONS' THEN p_speaker_key END
$$;
CREATE OR REPLACE FUNCTION slant_delta_speaker(p_role text, p_speaker_name text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
    SELECT CASE p_role WHEN 'ATTRIBUTIONS' THEN p_speaker_name END
$$;

-- Appends one span more (+1) or less (-1) with its stored keys, or a marker (no
-- layer: recount the article, e.g. when its offsets, place or raters changed).
CREATE OR REPLACE FUNCTION slant_append_delta(p_article uuid, p_layer uuid, p_label uuid, p_kind text, p_quote_key text,
                                              p_speaker_key text, p_speaker_name text, p_delta int)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_role text;
BEGIN
    IF p_layer IS NULL THEN
        INSERT INTO "RollupDelta" ("articleId", "delta") VALUES (p_article, 0);
        RETURN;
    END IF;
    SELECT l.role::text INTO v_role FROM "Label" l WHERE l.id = p_label;
    INSERT INTO "RollupDelta" ("articleId", "layer", "labelId", "kind", "expression", "speaker", "delta")
    VALUES (p_article, p_layer, p_label, p_kind, slant_delta_expression(v_role, p_quote_key, p_speaker_key),
            slant_delta_speaker(v_role, p_speaker_name), p_delta);
END $$;

-- The key step of the migration runner (lib/db/span-keys.ts) sets the keys of
-- rows written before they existed and then rebuilds: it appends nothing.
CREATE OR REPLACE FUNCTION slant_keying() RETURNS boolean STABLE LANGUAGE sql AS $$
    SELECT COALESCE(current_setting('slant.keying', true), '') = 'on'
$$;

CREATE OR REPLACE FUNCTION slant_annotation_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF slant_keying() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND (OLD."deletedAt" IS NULL) = (NEW."deletedAt" IS NULL) AND OLD."articleId" = NEW."articleId"
       AND OLD."annotatorId" = NEW."annotatorId" AND OLD."labelId" = NEW."labelId" AND OLD."attributionKind" = NEW."attributionKind"
       AND OLD."quoteKey" IS NOT DISTINCT FROM NEW."quoteKey" AND OLD."speakerKey" IS NOT DISTINCT FROM NEW."speakerKey"
       AND OLD."speakerName" IS NOT DISTINCT FROM NEW."speakerName" THEN
        IF NEW."deletedAt" IS NULL AND (OLD.start, OLD."end") IS DISTINCT FROM (NEW.start, NEW."end") THEN
            PERFORM slant_append_delta(NEW."articleId", NULL, NULL, NULL, NULL, NULL, NULL, 0); -- counts unchanged, agreement not
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD."deletedAt" IS NULL THEN
        PERFORM slant_append_delta(OLD."articleId", OLD."annotatorId", OLD."labelId", OLD."attributionKind", OLD."quoteKey",
                                   OLD."speakerKey", OLD."speakerName", -1);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW."deletedAt" IS NULL THEN
        PERFORM slant_append_delta(NEW."articleId", NEW."annotatorId", NEW."labelId", NEW."attributionKind", NEW."quoteKey",
                                   NEW."speakerKey", NEW."speakerName", 1);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION slant_gold_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF slant_keying() THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND (OLD."deletedAt" IS NULL) = (NEW."deletedAt" IS NULL) AND OLD."articleId" = NEW."articleId"
       AND OLD."labelId" = NEW."labelId" AND OLD."attributionKind" = NEW."attributionKind"
       AND OLD."quoteKey" IS NOT DISTINCT FROM NEW."quoteKey" AND OLD."speakerKey" IS NOT DISTINCT FROM NEW."speakerKey"
       AND OLD."speakerName" IS NOT DISTINCT FROM NEW."speakerName" THEN
        RETURN NULL; -- gold offsets do not enter any figure
    END IF;
    IF TG_OP <> 'INSERT' AND OLD."deletedAt" IS NULL THEN
        PERFORM slant_append_delta(OLD."articleId", '00000000-0000-0000-0000-000000000000', OLD."labelId", OLD."attributionKind",
                                   OLD."quoteKey", OLD."speakerKey", OLD."speakerName", -1);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW."deletedAt" IS NULL THEN
        PERFORM slant_append_delta(NEW."articleId", '00000000-0000-0000-0000-000000000000', NEW."labelId", NEW."attributionKind",
                                   NEW."quoteKey", NEW."speakerKey", NEW."speakerName", 1);
    END IF;
    RETURN NULL;
END $$;

-- Inserts append their deltas once per statement, from the statement's new
-- rows (a transition table): an import writes thousands of spans in one
-- INSERT, and a row trigger's function call and lookup per span cost more
-- than the insert itself. Updates and deletes (one span at a time, from the
-- annotator) stay row triggers above. p_layer NULL: each row's annotator.
CREATE OR REPLACE FUNCTION slant_annotation_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT slant_keying() THEN
        INSERT INTO "RollupDelta" ("articleId", "layer", "labelId", "kind", "expression", "speaker", "delta")
        SELECT n."articleId", n."annotatorId", n."labelId", n."attributionKind", slant_delta_expression(l.role::text, n."quoteKey", n."speakerKey"),
               slant_delta_speaker(l.role::text, n."speakerName"), 1
        FROM inserted n JOIN "Label" l ON l.id = n."labelId"
        WHERE n."deletedAt" IS NULL;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION slant_gold_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT slant_keying() THEN
        INSERT INTO "RollupDelta" ("articleId", "layer", "labelId", "kind", "expression", "speaker", "delta")
        SELECT n."articleId", '00000000-0000-0000-0000-000000000000', n."labelId", n."attributionKind",
               slant_delta_expression(l.role::text, n."quoteKey", n."speakerKey"), slant_delta_speaker(l.role::text, n."speakerName"), 1
        FROM inserted n JOIN "Label" l ON l.id = n."labelId"
        WHERE n."deletedAt" IS NULL;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION slant_article_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "RollupDelta" ("articleId", "delta") SELECT n.id, 0 FROM inserted n;
    RETURN NULL;
END $$;

-- An article inserted, moved to another source or month, resized or deleted;
-- an assignment changed (it may make or unmake a rater): recount the article.
CREATE OR REPLACE FUNCTION slant_article_marker() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM slant_append_delta(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END, NULL, NULL, NULL, NULL, NULL, NULL, 0);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION slant_assignment_marker() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM slant_append_delta(OLD."articleId", NULL, NULL, NULL, NULL, NULL, NULL, 0);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."articleId" <> OLD."articleId") THEN
        PERFORM slant_append_delta(NEW."articleId", NULL, NULL, NULL, NULL, NULL, NULL, 0);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "Annotation_rollup_delta"
    AFTER DELETE OR UPDATE OF "articleId", "annotatorId", "labelId", "deletedAt", "attributionKind", "quoteKey", "speakerKey",
                                        "speakerName", "start", "end" ON "Annotation"
    FOR EACH ROW EXECUTE FUNCTION slant_annotation_delta();

CREATE OR REPLACE TRIGGER "GoldAnnotation_rollup_delta"
    AFTER DELETE OR UPDATE OF "articleId", "labelId", "deletedAt", "attributionKind", "quoteKey", "speakerKey", "speakerName"
    ON "GoldAnnotation"
    FOR EACH ROW EXECUTE FUNCTION slant_gold_delta();

CREATE OR REPLACE TRIGGER "Annotation_rollup_insert" AFTER INSERT ON "Annotation" REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION slant_annotation_inserted();
CREATE OR REPLACE TRIGGER "GoldAnnotation_rollup_insert" AFTER INSERT ON "GoldAnnotation" REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION slant_gold_inserted();

-- Was a row trigger before statement triggers (above); its name is taken over.
CREATE OR REPLACE TRIGGER "Article_rollup_insert" AFTER INSERT ON "Article" REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION slant_article_inserted();
CREATE OR REPLACE TRIGGER "Article_rollup_update" AFTER UPDATE OF "sourceId", "publishedAt", "wordCount", "body" ON "Article"
    FOR EACH ROW WHEN ((OLD."sourceId", slant_month(OLD."publishedAt"), OLD."wordCount", length(OLD.body))
                       IS DISTINCT FROM (NEW."sourceId", slant_month(NEW."publishedAt"), NEW."wordCount", length(NEW.body)))
    EXECUTE FUNCTION slant_article_marker();
CREATE OR REPLACE TRIGGER "Article_rollup_delete" AFTER DELETE ON "Article" FOR EACH ROW EXECUTE FUNCTION slant_article_marker();

-- Whether an assignment makes a rater is the view's business: any change of
-- who, where or status recounts the article.
CREATE OR REPLACE TRIGGER "Assignment_rollup_insert" AFTER INSERT ON "Assignment" FOR EACH ROW EXECUTE FUNCTION slant_assignment_marker();
CREATE OR REPLACE TRIGGER "Assignment_rollup_update" AFTER UPDATE OF "articleId", "userId", "status" ON "Assignment"
    FOR EACH ROW WHEN ((OLD."articleId", OLD."userId", OLD.status) IS DISTINCT FROM (NEW."articleId", NEW."userId", NEW.status))
    EXECUTE FUNCTION slant_assignment_marker();
CREATE OR REPLACE TRIGGER "Assignment_rollup_delete" AFTER DELETE ON "Assignment" FOR EACH ROW EXECUTE FUNCTION slant_assignment_marker();

-- What the articles contribute: as last folded (p_current false: the state
-- tables, counted where and by whom "ArticleRollupState" says), or as they are
-- now (true: plus their unfolded deltas, counted where the article is now, by
-- its raters now; nothing for a deleted article). Per label, kind '*' is the
-- total and the other kinds split attributions. Under all annotators each
-- article counts the mean over its raters (one who marked nothing counts as
-- zero), except in the expression lists, which count every annotator's span.
-- A layer covers an article its annotator rated; all annotators cover every
-- rated article; gold covers articles with gold spans.
CREATE OR REPLACE FUNCTION slant_article_figures(p_articles uuid[], p_current boolean) RETURNS SETOF slant_figure STABLE LANGUAGE sql AS $$
    WITH place AS (
        SELECT a.id AS "articleId", a."sourceId", slant_month(a."publishedAt") AS month, a."wordCount"::bigint AS words,
               ARRAY(SELECT r."raterId" FROM "ArticleRater" r WHERE r."articleId" = a.id) AS raters
        FROM "Article" a WHERE p_current AND a.id = ANY (p_articles)
        UNION ALL
        SELECT s."articleId", s."sourceId", s.month, s.words::bigint, s.raters FROM "ArticleRollupState" s
        WHERE NOT p_current AND s."articleId" = ANY (p_articles)
    ), pending AS (
        SELECT d."articleId", d.layer, d."labelId", d.kind, d.expression, d.speaker, d.delta FROM "RollupDelta" d
        WHERE p_current AND d.layer IS NOT NULL AND d."articleId" = ANY (p_articles)
    ), counts AS (
        SELECT x."articleId", x.layer, x."labelId", x.kind, sum(x.spans)::float8 AS spans FROM (
            SELECT c."articleId", c.layer, c."labelId", c.kind, c.spans FROM "ArticleSpanCount" c WHERE c."articleId" = ANY (p_articles)
            UNION ALL
            SELECT p."articleId", p.layer, p."labelId", p.kind, p.delta FROM pending p
        ) x GROUP BY 1, 2, 3, 4 HAVING sum(x.spans) > 0
    ), rated AS (
        SELECT p."articleId", unnest(p.raters) AS layer FROM place p
        UNION
        SELECT c."articleId", c.layer FROM counts c WHERE c.layer <> '00000000-0000-0000-0000-000000000000'
    ), annotators AS (
        SELECT r."articleId", count(*)::float8 AS n FROM rated r GROUP BY 1
    ), contributions AS (
        SELECT c."articleId", c.layer, c."labelId", c.kind, c.spans FROM counts c
        UNION ALL
        SELECT c."articleId", 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid, c."labelId", c.kind, sum(c.spans) / a.n
        FROM counts c JOIN annotators a USING ("articleId")
        WHERE c.layer <> '00000000-0000-0000-0000-000000000000' GROUP BY c."articleId", c."labelId", c.kind, a.n
    ), labels AS (
        SELECT c."articleId", c.layer, c."labelId", '*' AS kind, sum(c.spans) AS spans FROM contributions c GROUP BY 1, 2, 3
        UNION ALL
        SELECT c."articleId", c.layer, c."labelId", c.kind, c.spans FROM contributions c WHERE c.kind <> ''
    ), covered AS (
        SELECT r."articleId", r.layer FROM rated r
        UNION ALL
        SELECT a."articleId", 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid FROM annotators a
        UNION ALL
        SELECT DISTINCT c."articleId", c.layer FROM counts c WHERE c.layer = '00000000-0000-0000-0000-000000000000'
        UNION ALL
        SELECT p."articleId", '00000000-0000-0000-0000-000000000001'::uuid FROM place p
    ), said AS (
        SELECT x."articleId", x.layer, x."labelId", x.kind, x.expression, x.speaker, sum(x.spans)::int AS spans FROM (
            SELECT e."articleId", e.layer, e."labelId", e.kind, e.expression, e.speaker, e.spans
            FROM "ArticleExpressionCount" e WHERE e."articleId" = ANY (p_articles)
            UNION ALL
            SELECT p."articleId", p.layer, p."labelId", CASE WHEN p.speaker IS NULL THEN '' ELSE p.kind END, p.expression, p.speaker, p.delta
            FROM pending p WHERE p.expression IS NOT NULL
        ) x GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(x.spans) > 0
    ), said_layers AS (
        SELECT s."articleId", s.layer, s."labelId", s.kind, s.expression, s.speaker, s.spans FROM said s
        UNION ALL
        SELECT s."articleId", 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid, s."labelId", s.kind, s.expression, s.speaker, s.spans
        FROM said s WHERE s.layer <> '00000000-0000-0000-0000-000000000000'
    ), expressions AS (
        SELECT s."articleId", s.layer, s."labelId", s.kind, s.expression, sum(s.spans) AS spans FROM said_layers s GROUP BY 1, 2, 3, 4, 5
    )
    SELECT 'l'::text, l.layer, p."sourceId", p.month, l."labelId", l.kind, NULL::uuid, NULL::text, NULL::text,
           sum(l.spans)::float8, count(*)::int, 0::bigint
    FROM labels l JOIN place p USING ("articleId") GROUP BY l.layer, p."sourceId", p.month, l."labelId", l.kind
    UNION ALL
    SELECT 'c', c.layer, p."sourceId", p.month, NULL::uuid, '', NULL::uuid, NULL::text, NULL::text, 0::float8, count(*)::int, sum(p.words)::bigint
    FROM covered c JOIN place p USING ("articleId") GROUP BY c.layer, p."sourceId", p.month
    UNION ALL
    SELECT 'e', e.layer, p."sourceId", p.month, e."labelId", e.kind, md5(e.expression)::uuid, e.expression, NULL::text,
           sum(e.spans)::float8, count(*)::int, 0::bigint
    FROM expressions e JOIN place p USING ("articleId") GROUP BY e.layer, p."sourceId", p.month, e."labelId", e.kind, e.expression
    UNION ALL
    SELECT 's', s.layer, p."sourceId", p.month, s."labelId", s.kind, md5(s.speaker)::uuid, s.expression, s.speaker,
           sum(s.spans)::float8, 0, 0::bigint
    FROM said_layers s JOIN place p USING ("articleId") WHERE s.speaker IS NOT NULL
    GROUP BY s.layer, p."sourceId", p.month, s."labelId", s.kind, s.expression, s.speaker
$$;

-- Adds p_sign × what the articles contribute as last folded to the rollups,
-- each figure to its month and to the all-time bucket ('infinity').
CREATE OR REPLACE FUNCTION slant_add_article_figures(p_articles uuid[], p_sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    WITH figures AS MATERIALIZED (
        SELECT f.target, f.layer, f."sourceId", b.month, f."labelId", f.kind, f.hash, min(f.expression) AS expression, min(f.speaker) AS speaker,
               p_sign * sum(f.spans) AS spans, p_sign * sum(f.articles)::int AS articles, p_sign * sum(f.words)::bigint AS words
        FROM slant_article_figures(p_articles, false) f CROSS JOIN LATERAL (VALUES (f.month), ('infinity'::date)) b(month)
        GROUP BY 1, 2, 3, 4, 5, 6, 7
    ), labels AS (
        INSERT INTO "SourceLabelRollup" AS r ("layer", "sourceId", "month", "labelId", "kind", "spans", "articles")
        SELECT layer, "sourceId", month, "labelId", kind, spans, articles FROM figures WHERE target = 'l' ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT ("layer", "sourceId", "month", "labelId", "kind") DO UPDATE SET spans = r.spans + excluded.spans, articles = r.articles + excluded.articles
    ), coverage AS (
        INSERT INTO "SourceCoverageRollup" AS r ("layer", "sourceId", "month", "articles", "words")
        SELECT layer, "sourceId", month, articles, words FROM figures WHERE target = 'c' ORDER BY 1, 2, 3
        ON CONFLICT ("layer", "sourceId", "month") DO UPDATE SET articles = r.articles + excluded.articles, words = r.words + excluded.words
    ), expressions AS (
        INSERT INTO "SourceExpressionRollup" AS r ("layer", "sourceId", "month", "labelId", "kind", "hash", "expression", "spans", "articles")
        SELECT layer, "sourceId", month, "labelId", kind, hash, expression, spans::int, articles FROM figures WHERE target = 'e' ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT ("layer", "sourceId", "month", "labelId", "kind", "hash") DO UPDATE SET spans = r.spans + excluded.spans, articles = r.articles + excluded.articles
    )
    INSERT INTO "SourceSpeakerRollup" AS r ("layer", "sourceId", "month", "labelId", "kind", "hash", "expression", "speaker", "spans")
    SELECT layer, "sourceId", month, "labelId", kind, hash, expression, speaker, spans::int FROM figures WHERE target = 's' ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ("layer", "sourceId", "month", "labelId", "kind", "hash") DO UPDATE SET spans = r.spans + excluded.spans;
END $$;

-- An article's spans, place or raters changed: its agreement figure leaves the
-- per-source sums and the article joins the queue the app recomputes from
-- (lib/db/figures/agreement.ts); a deleted article just leaves. `version`
-- tells the app whether the article changed again while it computed.
CREATE OR REPLACE FUNCTION slant_queue_agreement(p_live uuid[], p_gone uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    WITH dropped AS (
        DELETE FROM "ArticleAgreement" g WHERE g."articleId" = ANY (p_live) OR g."articleId" = ANY (p_gone)
        RETURNING g."sourceId", g.month, g.raters, g.alpha
    )
    INSERT INTO "SourceAgreementRollup" AS r ("sourceId", "month", "articles", "defined", "alphaSum")
    SELECT d."sourceId", b.month, -count(*)::int, -count(d.alpha)::int, -COALESCE(sum(d.alpha), 0)
    FROM dropped d CROSS JOIN LATERAL (VALUES (d.month), ('infinity'::date)) b(month)
    WHERE d.raters >= 2 GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("sourceId", "month") DO UPDATE
    SET articles = r.articles + excluded.articles, defined = r.defined + excluded.defined, "alphaSum" = r."alphaSum" + excluded."alphaSum";

    DELETE FROM "AgreementQueue" q WHERE q."articleId" = ANY (p_gone);
    INSERT INTO "AgreementQueue" AS q ("articleId", "sourceId", "month")
    SELECT a.id, a."sourceId", slant_month(a."publishedAt") FROM "Article" a WHERE a.id = ANY (p_live) ORDER BY 1
    ON CONFLICT ("articleId") DO UPDATE SET "sourceId" = excluded."sourceId", month = excluded.month, version = q.version + 1;
END $$;

-- Folds the deltas of up to p_limit articles. Returns how many articles were
-- folded, or -1 when another transaction is folding (the caller just reads
-- rollups + pending figures; nothing waits). Only background work calls it:
-- never a writer's transaction (decision 0016).
CREATE OR REPLACE FUNCTION slant_fold_rollups(p_limit int DEFAULT 5000) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
    v_touched uuid[];
    v_live uuid[];
    v_gone uuid[];
    v_all uuid[];
BEGIN
    IF NOT pg_try_advisory_xact_lock(7301706711) THEN
        RETURN -1;
    END IF;
    v_touched := ARRAY(SELECT DISTINCT d."articleId" FROM "RollupDelta" d LIMIT p_limit);
    IF cardinality(v_touched) = 0 THEN
        RETURN 0;
    END IF;
    -- Articles being moved or deleted right now hold a stronger lock: they wait for the next fold.
    v_live := ARRAY(SELECT a.id FROM "Article" a WHERE a.id = ANY (v_touched) ORDER BY a.id FOR SHARE SKIP LOCKED);
    v_gone := ARRAY(SELECT t.id FROM unnest(v_touched) t(id) WHERE NOT EXISTS (SELECT 1 FROM "Article" a WHERE a.id = t.id));
    v_all := v_live || v_gone;
    IF cardinality(v_all) = 0 THEN
        RETURN 0;
    END IF;

    PERFORM slant_add_article_figures(v_all, -1);

    WITH moved AS (
        DELETE FROM "RollupDelta" d WHERE d."articleId" = ANY (v_all) RETURNING d.*
    ), spans AS (
        INSERT INTO "ArticleSpanCount" AS c ("articleId", "layer", "labelId", "kind", "spans", "sourceId")
        SELECT m."articleId", m.layer, m."labelId", m.kind, sum(m.delta), a."sourceId"
        FROM moved m JOIN "Article" a ON a.id = m."articleId"
        WHERE m.layer IS NOT NULL AND m."articleId" = ANY (v_live)
        GROUP BY 1, 2, 3, 4, 6 HAVING sum(m.delta) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT ("articleId", "layer", "labelId", "kind") DO UPDATE SET spans = c.spans + excluded.spans
    )
    INSERT INTO "ArticleExpressionCount" AS c ("articleId", "layer", "labelId", "kind", "hash", "expression", "speaker", "spans")
    SELECT m."articleId", m.layer, m."labelId", CASE WHEN m.speaker IS NULL THEN '' ELSE m.kind END, md5(COALESCE(m.speaker, m.expression))::uuid,
           m.expression, m.speaker, sum(m.delta)
    FROM moved m WHERE m.layer IS NOT NULL AND m.expression IS NOT NULL AND m."articleId" = ANY (v_live)
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(m.delta) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("articleId", "layer", "labelId", "kind", "hash") DO UPDATE SET spans = c.spans + excluded.spans;

    DELETE FROM "ArticleSpanCount" c WHERE c."articleId" = ANY (v_all) AND (c.spans <= 0 OR c."articleId" = ANY (v_gone));
    UPDATE "ArticleSpanCount" c SET "sourceId" = a."sourceId" FROM "Article" a
    WHERE a.id = ANY (v_live) AND c."articleId" = a.id AND c."sourceId" <> a."sourceId"; -- moved to another source
    DELETE FROM "ArticleExpressionCount" c WHERE c."articleId" = ANY (v_all) AND (c.spans <= 0 OR c."articleId" = ANY (v_gone));
    DELETE FROM "ArticleRollupState" s WHERE s."articleId" = ANY (v_gone);
    INSERT INTO "ArticleRollupState" AS s ("articleId", "sourceId", "month", "words", "raters")
    SELECT a.id, a."sourceId", slant_month(a."publishedAt"), a."wordCount",
           ARRAY(SELECT r."raterId" FROM "ArticleRater" r WHERE r."articleId" = a.id ORDER BY 1)
    FROM "Article" a WHERE a.id = ANY (v_live) ORDER BY 1
    ON CONFLICT ("articleId") DO UPDATE SET "sourceId" = excluded."sourceId", month = excluded.month, words = excluded.words, raters = excluded.raters
    WHERE (s."sourceId", s.month, s.words, s.raters) IS DISTINCT FROM (excluded."sourceId", excluded.month, excluded.words, excluded.raters);

    PERFORM slant_add_article_figures(v_live, 1);
    PERFORM slant_queue_agreement(v_live, v_gone);
    RETURN cardinality(v_all);
END $$;

-- What the deltas not folded yet change, per rollup key (months only: readers
-- of the all-time bucket sum these over months). Readers add it to the
-- rollups in the same statement. PL/pgSQL, not SQL: an SQL function would be
-- inlined and planned again in every reader's query; this one keeps its plan
-- per connection and returns at once when there is nothing to add.
CREATE OR REPLACE FUNCTION slant_pending_figures() RETURNS SETOF slant_figure STABLE ROWS 10 LANGUAGE plpgsql AS $$
DECLARE
    v_touched uuid[] := ARRAY(SELECT DISTINCT d."articleId" FROM "RollupDelta" d);
BEGIN
    IF cardinality(v_touched) = 0 THEN
        RETURN; -- the usual case right after a fold: nothing to plan or compute
    END IF;
    RETURN QUERY
    SELECT f.target, f.layer, f."sourceId", f.month, f."labelId", f.kind, f.hash, min(f.expression), min(f.speaker),
           sum(f.spans), sum(f.articles)::int, sum(f.words)::bigint
    FROM (
        SELECT n.* FROM slant_article_figures(v_touched, true) n
        UNION ALL
        SELECT o.target, o.layer, o."sourceId", o.month, o."labelId", o.kind, o.hash, o.expression, o.speaker, -o.spans, -o.articles, -o.words
        FROM slant_article_figures(v_touched, false) o
    ) f
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(f.spans) <> 0 OR sum(f.articles) <> 0 OR sum(f.words) <> 0;
END $$;

-- Recomputes everything from the spans' stored keys, set-based: after this
-- file changes, after the key step, after bulk loads that ran with the
-- triggers disabled (bench/sources.ts). Every article is queued for its
-- agreement figure: the app recomputes them.
CREATE OR REPLACE FUNCTION slant_rebuild_source_rollups() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    v_batch uuid[];
BEGIN
    PERFORM pg_advisory_xact_lock(7301706711); -- no fold meanwhile
    TRUNCATE "RollupDelta", "ArticleSpanCount", "ArticleExpressionCount", "ArticleRollupState",
             "SourceLabelRollup", "SourceCoverageRollup", "SourceExpressionRollup", "SourceSpeakerRollup",
             "ArticleAgreement", "AgreementQueue", "SourceAgreementRollup";

    INSERT INTO "ArticleSpanCount" ("articleId", "layer", "labelId", "kind", "spans", "sourceId")
    SELECT c.*, a."sourceId" FROM (
        SELECT "articleId", "annotatorId", "labelId", "attributionKind", count(*)::int FROM "Annotation" WHERE "deletedAt" IS NULL GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT "articleId", '00000000-0000-0000-0000-000000000000'::uuid, "labelId", "attributionKind", count(*)::int FROM "GoldAnnotation"
        WHERE "deletedAt" IS NULL GROUP BY 1, 2, 3, 4
    ) c ("articleId", layer, "labelId", kind, spans) JOIN "Article" a ON a.id = c."articleId"
    ORDER BY a."sourceId", 1, 2, 3, 4;

    INSERT INTO "ArticleExpressionCount" ("articleId", "layer", "labelId", "kind", "hash", "expression", "speaker", "spans")
    SELECT x."articleId", x.layer, x."labelId", CASE WHEN k.speaker IS NULL THEN '' ELSE x."attributionKind" END AS kind,
           md5(COALESCE(k.speaker, k.expression))::uuid AS hash, k.expression, k.speaker, count(*)
    FROM (
        SELECT a."articleId", a."annotatorId" AS layer, a."labelId", a."attributionKind", a."quoteKey", a."speakerKey", a."speakerName"
        FROM "Annotation" a WHERE a."deletedAt" IS NULL AND a."labelId" IN (SELECT id FROM "Label" WHERE role IS NOT NULL)
        UNION ALL
        SELECT g."articleId", '00000000-0000-0000-0000-000000000000'::uuid, g."labelId", g."attributionKind", g."quoteKey", g."speakerKey", g."speakerName"
        FROM "GoldAnnotation" g WHERE g."deletedAt" IS NULL AND g."labelId" IN (SELECT id FROM "Label" WHERE role IS NOT NULL)
    ) x JOIN "Label" l ON l.id = x."labelId"
    CROSS JOIN LATERAL (
        SELECT CASE l.role WHEN 'EXPRESSIONS' THEN x."quoteKey" WHEN 'ATTRIBUTIONS' THEN x."speakerKey" END AS expression,
               CASE l.role WHEN 'ATTRIBUTIONS' THEN x."speakerName" END AS speaker
    ) k
    WHERE k.expression IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ORDER BY 1, 2, 3, 4, 5;

    INSERT INTO "ArticleRollupState" ("articleId", "sourceId", "month", "words", "raters")
    SELECT a.id, a."sourceId", slant_month(a."publishedAt"), a."wordCount", COALESCE(r.raters, '{}')
    FROM "Article" a LEFT JOIN (
        SELECT "articleId", array_agg("raterId" ORDER BY "raterId") AS raters FROM "ArticleRater" GROUP BY 1
    ) r ON r."articleId" = a.id
    ORDER BY a.id;

    -- In batches of articles of the same sources, so that each rollup row is written about once.
    FOR v_batch IN
        SELECT array_agg(id) FROM (SELECT id, (row_number() OVER (ORDER BY "sourceId", id) - 1) / 5000 AS batch FROM "Article") b GROUP BY batch ORDER BY batch
    LOOP
        PERFORM slant_add_article_figures(v_batch, 1);
    END LOOP;

    INSERT INTO "AgreementQueue" ("articleId", "sourceId", "month")
    SELECT id, "sourceId", slant_month("publishedAt") FROM "Article" ORDER BY id;
END $$;
