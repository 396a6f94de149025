-- Term loans whose stored schedule may no longer be what their transactions give, because
-- something it is computed from besides them changed since it was written: the holidays of the
-- borrower's country (due dates move), the borrower's country, or the product's schedule fields.
-- A repayment pays into the stored instalments only when its loan is not listed here; the next
-- full recomputation of the schedule takes the loan off the list (docs/schedules.md).
CREATE TABLE loan_schedule_stale (
    loan_id uuid PRIMARY KEY REFERENCES loan (id)
);

-- The scheduled loans of borrowers in these countries.
CREATE FUNCTION loan_schedule_stale_in(countries text[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO loan_schedule_stale (loan_id)
    SELECT l.id FROM loan l JOIN end_user eu ON eu.id = l.end_user_id
     WHERE eu.country = ANY (countries)
       AND EXISTS (SELECT 1 FROM loan_instalment i WHERE i.loan_id = l.id)
    ON CONFLICT DO NOTHING
$$;

CREATE FUNCTION holiday_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM loan_schedule_stale_in(ARRAY(SELECT DISTINCT country FROM added));
    RETURN NULL;
END $$;

CREATE FUNCTION holiday_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM loan_schedule_stale_in(ARRAY(SELECT DISTINCT country FROM removed));
    RETURN NULL;
END $$;

CREATE FUNCTION holiday_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM loan_schedule_stale_in(
        ARRAY(SELECT country FROM added UNION SELECT country FROM removed));
    RETURN NULL;
END $$;

CREATE TRIGGER holiday_added AFTER INSERT ON holiday
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION holiday_added();
CREATE TRIGGER holiday_removed AFTER DELETE ON holiday
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION holiday_removed();
CREATE TRIGGER holiday_changed AFTER UPDATE ON holiday
    REFERENCING OLD TABLE AS removed NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION holiday_changed();

CREATE FUNCTION loan_schedule_stale_of_borrower() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO loan_schedule_stale (loan_id)
    SELECT l.id FROM loan l WHERE l.partner_id = NEW.partner_id AND l.end_user_id = NEW.id
       AND EXISTS (SELECT 1 FROM loan_instalment i WHERE i.loan_id = l.id)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER end_user_country_changed AFTER UPDATE OF country ON end_user
    FOR EACH ROW WHEN (OLD.country IS DISTINCT FROM NEW.country)
    EXECUTE FUNCTION loan_schedule_stale_of_borrower();

CREATE FUNCTION loan_schedule_stale_of_product() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO loan_schedule_stale (loan_id)
    SELECT l.id FROM loan l WHERE l.product_id = NEW.id
       AND EXISTS (SELECT 1 FROM loan_instalment i WHERE i.loan_id = l.id)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER product_schedule_changed AFTER UPDATE ON product
    FOR EACH ROW WHEN ((OLD.type, OLD.interest_calculation, OLD.early_repayment_recalculation,
                        OLD.repayment_holiday_scheduling, OLD.calculate_interest_on_holidays,
                        OLD.repayment_date_type, OLD.repayment_date_period)
           IS DISTINCT FROM (NEW.type, NEW.interest_calculation, NEW.early_repayment_recalculation,
                             NEW.repayment_holiday_scheduling, NEW.calculate_interest_on_holidays,
                             NEW.repayment_date_type, NEW.repayment_date_period))
    EXECUTE FUNCTION loan_schedule_stale_of_product();
