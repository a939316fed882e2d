-- Built-in label colours that failed WCAG AA as text on white (3.8:1, 3.2:1)
-- become their darker shades (5.5:1, 5.0:1). A colour an admin already chose is kept.
UPDATE "Label" SET color = '#047857' WHERE key = 'attribution' AND lower(color) = '#059669';
UPDATE "Label" SET color = '#b45309' WHERE key = 'unverified' AND lower(color) = '#d97706';
