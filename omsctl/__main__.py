from omsctl.cli import main

main()
