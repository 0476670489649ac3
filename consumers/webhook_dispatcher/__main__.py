from consumers.webhook_dispatcher.main import run

run()
