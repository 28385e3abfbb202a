from coachdesk.cli.main import main

raise SystemExit(main())
