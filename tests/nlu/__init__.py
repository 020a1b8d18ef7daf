#: The held-out NLU sets (written without reading data/, never trained on).
HELD_OUT_SETS = ("test_set.yml", "dev_set.yml", "sealed_test_set.yml", "sealed_test_set_3.yml", "sealed_test_set_4.yml",
                 "sealed_test_set_5.yml", "sealed_test_set_6.yml",
                 "sealed_test_set_7.yml", "sealed_test_set_8.yml", "sealed_test_set_9.yml",
                 "sealed_test_set_10.yml", "sealed_test_set_11.yml", "sealed_test_set_12.yml",
                 "sealed_test_set_13.yml", "sealed_test_set_14.yml",
                 "sealed_test_set_15.yml", "sealed_test_set_16.yml", "sealed_test_set_17.yml",
                 "sealed_test_set_18.yml", "sealed_test_set_19.yml", "sealed_test_set_20.yml",
                 "sealed_test_set_21.yml", "sealed_test_set_22.yml", "sealed_test_set_23.yml",
                 "sealed_test_set_24.yml", "sealed_test_set_25.yml",
                 "sealed_test_set_26.yml", "sealed_test_set_27.yml",
                 "sealed_test_set_28.yml", "sealed_test_set_29.yml",
                 "sealed_test_set_30.yml", "sealed_test_set_31.yml", "sealed_test_set_32.yml",
                 "sealed_test_set_33.yml", "sealed_test_set_34.yml", "sealed_test_set_35.yml")
