package org.tafund.contributions;

public enum FundingWindow {

	CPCJF_GENERAL_PURPOSE, CPCJF_SPECIAL_PURPOSE, DIRECT_UNODC_PROJECT, PNI_INSTITUTE

}
