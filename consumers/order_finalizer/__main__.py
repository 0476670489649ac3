from consumers.order_finalizer.main import run

run()
