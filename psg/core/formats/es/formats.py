"""Spanish: "1 de abril de 2019", "abril de 2019", "1 de abril de 2019 a las 18:30".

Month and weekday names come from Django's Spanish catalogue, in lower case
as Spanish writes them.
"""

DATE_FORMAT = r"j \d\e F \d\e Y"
YEAR_MONTH_FORMAT = r"F \d\e Y"
MONTH_DAY_FORMAT = r"j \d\e F"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"j \d\e F \d\e Y \a \l\a\s H:i"
