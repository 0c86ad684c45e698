-- Cohorts: hand-written parts that the schema cannot express.

-- 1. A submitted questionnaire response is locked: the database refuses to change it, whatever
--    the caller (the API checks first and answers 409 QUESTIONNAIRE_LOCKED; this is the backstop,
--    also under two concurrent submits). Deleting stays possible so erasing a person still works.
CREATE OR REPLACE FUNCTION roster_lock_submitted_response() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'SUBMITTED' THEN
    RAISE EXCEPTION 'questionnaire response % was submitted and is locked', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER questionnaire_responses_locked_once_submitted BEFORE UPDATE ON questionnaire_responses
  FOR EACH ROW EXECUTE FUNCTION roster_lock_submitted_response();
--> statement-breakpoint

-- 2. The built-in check-in prompt catalogue. `studio_default` = asked of clients outside any cohort.
INSERT INTO check_in_prompts (key, label, kind, unit, min_value, max_value, better, built_in, studio_default, position) VALUES
  ('weight',       'Weight',        'number', 'kg',     20,  400,    NULL,     true, true,  10),
  ('bodyFat',      'Body fat',      'number', '%',      2,   70,     NULL,     true, false, 20),
  ('steps',        'Steps',         'number', 'steps',  0,   100000, 'HIGHER', true, true,  30),
  ('calories',     'Calories',      'number', 'kcal',   0,   15000,  NULL,     true, false, 40),
  ('sleepHours',   'Sleep',         'number', 'hours',  0,   24,     'HIGHER', true, true,  50),
  ('sleepQuality', 'Sleep quality', 'scale',  NULL,     1,   10,     'HIGHER', true, false, 60),
  ('energy',       'Energy',        'scale',  NULL,     1,   10,     'HIGHER', true, true,  70),
  ('stress',       'Stress',        'scale',  NULL,     1,   10,     'LOWER',  true, false, 80),
  ('water',        'Water',         'number', 'litres', 0,   15,     'HIGHER', true, false, 90),
  ('trainedToday', 'Trained today', 'yes-no', NULL,     NULL, NULL,  NULL,     true, true,  100),
  ('notes',        'Notes',         'text',   NULL,     NULL, NULL,  NULL,     true, true,  110)
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint

-- 3. The seeded cohort types, each with the default weekly questionnaire (copied into every new
--    cohort, where coaches can change it per week).
INSERT INTO cohort_types (name, description, default_weeks, default_prompts, default_questionnaire, built_in)
SELECT t.name, t.description, t.default_weeks, t.default_prompts::jsonb, q.questionnaire::jsonb, true
FROM (VALUES
  ('6-Week Challenge',
   'Six focused weeks: daily weigh-in and habits, a weekly check-in questionnaire and coach feedback.',
   6,
   '[{"key":"weight","required":true},{"key":"steps","required":false},{"key":"sleepHours","required":false},{"key":"energy","required":false},{"key":"trainedToday","required":false},{"key":"notes","required":false}]'),
  ('8-Week Transformation',
   'Eight weeks with the full set of health measures, weekly questionnaire and coach feedback.',
   8,
   '[{"key":"weight","required":true},{"key":"bodyFat","required":false},{"key":"steps","required":false},{"key":"calories","required":false},{"key":"sleepHours","required":false},{"key":"sleepQuality","required":false},{"key":"energy","required":false},{"key":"stress","required":false},{"key":"water","required":false},{"key":"trainedToday","required":false},{"key":"notes","required":false}]'),
  ('Ongoing Coaching',
   'Open-ended coaching: regular check-ins and a weekly review for as long as the client stays.',
   NULL,
   '[{"key":"weight","required":false},{"key":"steps","required":false},{"key":"sleepHours","required":false},{"key":"energy","required":false},{"key":"stress","required":false},{"key":"trainedToday","required":false},{"key":"notes","required":false}]')
) AS t(name, description, default_weeks, default_prompts)
CROSS JOIN (VALUES (
  '{"intro":"Take five minutes to look back on your week. Your coach reads every answer and replies with feedback.","questions":[{"id":"wins","kind":"long-text","label":"What were your wins this week?","required":true},{"id":"challenges","kind":"long-text","label":"What challenged you this week?","required":true},{"id":"nutrition-help","kind":"long-text","label":"Where does your nutrition need help?","required":false},{"id":"next-week-goal","kind":"long-text","label":"What is your behaviour goal for next week?","required":true},{"id":"days-trained","kind":"number","label":"How many days did you train?","required":true,"min":0,"max":7},{"id":"days-step-target","kind":"number","label":"How many days did you hit your step target?","required":true,"min":0,"max":7},{"id":"days-calorie-target","kind":"number","label":"How many days did you hit your calorie target?","required":true,"min":0,"max":7}]}'
)) AS q(questionnaire)
ON CONFLICT DO NOTHING;
