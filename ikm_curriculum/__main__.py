from ikm_curriculum.cli import main

main()
