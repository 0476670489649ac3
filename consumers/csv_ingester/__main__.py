from consumers.csv_ingester.main import run

run()
